// Entry point of `npm run plan`: runs the plan command and exits with its status.
import { runPlanCommand } from "./command";
import { describeError } from "./inputError";

/** npm runs scripts in the package root; INIT_CWD is where the user typed the command. */
function userDirectory(): string {
    return process.env.npm_lifecycle_event === "plan" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
}

// A late failure inside Pulumi's runtime would otherwise end the process with a stack trace.
process.on("uncaughtException", (error) => {
    process.stderr.write(`the plan failed: ${describeError(error)}\n`);
    process.exit(1);
});

void runPlanCommand(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: userDirectory(),
}).then((status) => {
    process.exitCode = status;
});
