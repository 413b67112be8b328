// The diff as text: for the terminal, for the job log and, fenced, for the pull-request comment.
import { Comparison } from "../diff/comparison";
import { Action, PlanDiff, PropertyChange, ResourceChange, ValueChange } from "../diff/diff";
import { totalChange } from "../cost/costDiff";
import { display } from "../model/properties";
import { planDisclaimer } from "../model/snapshot";

const symbols: Readonly<Record<Action, string>> = {
    create: "+ ",
    delete: "- ",
    replace: "+-",
    update: "~ ",
    ignored: "= ",
};

/** What a diff's [REPLACE] and [NEW DEPLOYMENT] rest on; the pull-request comment says it once in its header. */
export const replacementNote =
    "Replacements and new deployments are flagged from a table that approximates the providers' " +
    "(tools/plan/diff/replacements.ts); the provider decides in a real preview.";

/** The diff with what it is, led by the change in cost and the call-outs: for the terminal and the job log. */
export function renderDiff(comparison: Comparison): string {
    const { diff, baseLabel } = comparison;
    const header = [
        `Offline plan of stack ${diff.stack} compared with ${baseLabel}`,
        planDisclaimer,
        replacementNote,
        "",
    ];
    const lines = [
        ...header,
        ...costChangeLines(comparison),
        "",
        ...calloutLines(comparison),
        "",
        ...diffLines(diff, baseLabel),
    ];
    return `${lines.join("\n")}\n`;
}

/** "Monthly cost: $50.56 → $47.32 (-$3.24/month)" and a line per changed item. */
export function costChangeLines({ cost }: Comparison): string[] {
    return [totalChange(cost), ...cost.lines.map((line) => `  ${line.text}`)];
}

/** Changes to what is public or to IAM, each on its own line; or that there are none. */
export function calloutLines({ callouts }: Comparison): string[] {
    if (callouts.length === 0) {
        return ["Public exposure and IAM: no change"];
    }
    return [
        "Public exposure and IAM: CHANGED",
        ...callouts.map((callout) => `  ! ${callout.kind === "public" ? "public" : "IAM"}: ${callout.text}`),
    ];
}

/** The changes alone, for a document that says elsewhere what the plan is. */
export function diffLines(diff: PlanDiff, baseLabel: string): string[] {
    if (!diff.changed) {
        return [`No change: the program declares the same configuration, resources and outputs as ${baseLabel}.`];
    }
    const lines = [...valueSection("Configuration", diff.config), ""];
    lines.push(`Resources: ${summary(diff)}`);
    for (const change of diff.resources) {
        lines.push(...resourceLines(change));
    }
    if (diff.knockOn.length > 0) {
        lines.push("", "Take values (IDs, ARNs) from a replaced resource, so they may be updated or replaced too:");
        for (const item of diff.knockOn) {
            lines.push(`  ?  ${item.type}  ${item.name}  (from ${item.replacedDependencies.join(", ")})`);
        }
    }
    if (diff.reads.added.length + diff.reads.removed.length > 0) {
        lines.push("", "Data sources read:");
        lines.push(
            ...diff.reads.added.map((read) => `  +  ${read}`),
            ...diff.reads.removed.map((read) => `  -  ${read}`),
        );
    }
    lines.push("", ...valueSection("Outputs", diff.outputs));
    return lines;
}

/** "1 to create, 2 to update, 1 to replace; 1 new deployment, 1 new image". */
export function summary(diff: PlanDiff): string {
    const count = (action: Action) => diff.resources.filter((change) => change.action === action).length;
    const parts = [
        [count("create"), "to create"],
        [count("update"), "to update"],
        [count("replace"), "to replace"],
        [count("delete"), "to delete"],
        [count("ignored"), "changed but ignored"],
    ]
        .filter(([n]) => n !== 0)
        .map(([n, what]) => `${n} ${what}`);
    const deployments = diff.resources.filter((change) => change.newDeployment !== undefined).length;
    const images = diff.resources.filter((change) => change.rebuildsImage).length;
    const flags = [
        ...(deployments > 0 ? [`${deployments} new deployment${deployments === 1 ? "" : "s"}`] : []),
        ...(images > 0 ? [`${images} new image${images === 1 ? "" : "s"}`] : []),
    ];
    const counted = parts.length === 0 ? "no change" : parts.join(", ");
    return flags.length === 0 ? counted : `${counted}; ${flags.join(", ")}`;
}

function resourceLines(change: ResourceChange): string[] {
    const flags = [
        change.action === "replace" ? "REPLACE" : change.action.toUpperCase(),
        ...(change.newDeployment === undefined ? [] : ["NEW DEPLOYMENT"]),
        ...(change.rebuildsImage ? ["NEW IMAGE"] : []),
    ];
    const lines = [`  ${symbols[change.action]} ${change.type}  ${change.name}  [${flags.join(", ")}]`];
    lines.push(...change.properties.map(propertyLine));
    if (change.newDeployment !== undefined) {
        lines.push(`       new deployment: ${change.newDeployment}; ECS starts new tasks and drains the old ones`);
    }
    if (change.rebuildsImage) {
        lines.push("       new image: built and pushed again; its digest, and so the task definition, changes");
    }
    return lines;
}

function propertyLine(change: PropertyChange): string {
    const note = change.ignored
        ? "  (ignored: ignoreChanges keeps the deployed value; it applies when the resource is created)"
        : change.forcesReplacement
          ? "  (forces replacement)"
          : "";
    if (change.before === undefined) {
        return `       + ${change.path}  ${shown(change.after)}${note}`;
    }
    if (change.after === undefined) {
        return `       - ${change.path}  ${shown(change.before)}${note}`;
    }
    return `       ~ ${change.path}  ${shown(change.before)} → ${shown(change.after)}${note}`;
}

function valueSection(title: string, changes: ValueChange[]): string[] {
    if (changes.length === 0) {
        return [`${title}: no change`];
    }
    return [
        `${title}: ${changes.length} change${changes.length === 1 ? "" : "s"}`,
        ...changes.map((change) =>
            change.before === undefined
                ? `  +  ${change.key}  ${shown(change.after)}`
                : change.after === undefined
                  ? `  -  ${change.key}  ${shown(change.before)}`
                  : `  ~  ${change.key}  ${shown(change.before)} → ${shown(change.after)}`,
        ),
    ];
}

/** A value as the diff prints it: image digests cut to their first 12 hex digits, enough to tell two apart. */
function shown(value: unknown): string {
    return display(value).replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}/g, "@sha256:$1…");
}
