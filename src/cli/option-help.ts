/**
 * Help text for a flag whose default is resolved later (flag, then environment, then default,
 * in `src/config.ts`). Commander's own `.default()` would hide the environment variable, so
 * the default is only shown here, in commander's wording.
 */
export function withDefault(text: string, fallback: string, envName?: string): string {
  const env = envName === undefined ? "" : `, env: ${envName}`;
  return `${text} (default: ${fallback}${env})`;
}
