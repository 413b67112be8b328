// A problem with what the user gave the plan (arguments, stack files, a base snapshot), reported without a trace.
export class InputError extends Error {}

/** What a user sees of any error: its message (one line per bad configuration key), never a stack trace. */
export function describeError(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
