/** Position and message of a LiquidJS error, which carries the token's line and column. */
export function liquidErrorDetail(error: unknown): { message: string; line: number; column: number } {
  const message = error instanceof Error ? error.message : String(error);
  const token = (error as { token?: { getPosition?: () => [number, number] } } | null)?.token;
  const [line, column] = token?.getPosition?.() ?? [1, 1];
  return { message: message.replace(/, line:\d+, col:\d+$/, ''), line, column };
}
