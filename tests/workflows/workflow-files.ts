// Reads GitHub Actions workflow files into a small typed model that the
// policy rules and the linters walk.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { findProjectRoot } from "../../infra/registry/projectRoot";

export interface Step {
    readonly id?: string;
    readonly name?: string;
    readonly uses?: string;
    readonly run?: string;
    readonly shell?: string;
    readonly with: Record<string, unknown>;
    readonly env: Record<string, unknown>;
}

export interface Job {
    readonly id: string;
    readonly definition: Record<string, unknown>;
    readonly steps: readonly Step[];
    /** Set when the job calls a reusable workflow instead of running steps. */
    readonly calls?: string;
}

export interface Workflow {
    readonly file: string;
    readonly text: string;
    readonly triggers: readonly string[];
    readonly definition: Record<string, unknown>;
    readonly jobs: readonly Job[];
}

/** One problem found in a workflow: which file, which check, what is wrong. */
export interface Finding {
    readonly file: string;
    readonly check: string;
    readonly message: string;
}

/** The checkout, found from the source or the compiled (build/) copy of this file alike. */
export const repositoryRoot = findProjectRoot(__dirname);
export const workflowsDirectory = join(repositoryRoot, ".github", "workflows");

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readTriggers(on: unknown): string[] {
    if (typeof on === "string") return [on];
    if (Array.isArray(on)) return on.map(String);
    return isRecord(on) ? Object.keys(on) : [];
}

function readStep(step: unknown): Step {
    const fields = isRecord(step) ? step : {};
    const text = (key: string): string | undefined => (typeof fields[key] === "string" ? fields[key] : undefined);
    return {
        id: text("id"),
        name: text("name"),
        uses: text("uses"),
        run: text("run"),
        shell: text("shell"),
        with: isRecord(fields.with) ? fields.with : {},
        env: isRecord(fields.env) ? fields.env : {},
    };
}

function readJob(id: string, job: unknown): Job {
    const definition = isRecord(job) ? job : {};
    const steps = Array.isArray(definition.steps) ? definition.steps.map(readStep) : [];
    const calls = typeof definition.uses === "string" ? definition.uses : undefined;
    return { id, definition, steps, calls };
}

/** Parses one workflow; YAML errors (duplicate keys included, which js-yaml rejects) throw, naming the file. */
export function parseWorkflow(file: string, text: string): Workflow {
    let definition: unknown;
    try {
        definition = load(text);
    } catch (error) {
        throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
    }
    if (!isRecord(definition)) throw new Error(`${file}: a workflow must be a YAML mapping`);
    const jobs = isRecord(definition.jobs) ? definition.jobs : {};
    return {
        file,
        text,
        triggers: readTriggers(definition.on),
        definition,
        jobs: Object.entries(jobs).map(([id, job]) => readJob(id, job)),
    };
}

export function workflowFiles(directory: string): string[] {
    return readdirSync(directory)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(directory, name));
}

export function readWorkflows(directory: string): Workflow[] {
    return workflowFiles(directory).map((file) => parseWorkflow(file, readFileSync(file, "utf8")));
}

/** Jobs and steps that use an action, e.g. `pulumi/actions`, whatever its ref. */
export function stepsUsing(job: Job, action: string): Step[] {
    return job.steps.filter((step) => step.uses?.split("@")[0] === action);
}
