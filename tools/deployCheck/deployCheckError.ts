// Why the deploy check failed, in one line that names what was found and what was expected.
export class DeployCheckError extends Error {}
