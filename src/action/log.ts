// Where the action's modules say what they did: @actions/core in the action (main.ts passes it), a
// recorder in tests.
export interface Log {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}
