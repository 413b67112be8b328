// The plan as text for a terminal: what it is, counts per type, the resources as a tree with their key properties,
// the plan sections (security posture, ...), the data sources read, the stack outputs and the configuration.
import { highlights } from "./highlights";
import { StackModel } from "../model/stackModel";
import { compareText, display } from "../model/properties";
import { planSections } from "./sections";
import { planDisclaimer, readText, Snapshot } from "../model/snapshot";

const width = 110;

export function renderTerminal(stack: StackModel): string {
    const { snapshot } = stack;
    const lines = [
        `Offline plan of stack ${snapshot.stack} (project ${snapshot.project})`,
        ...wrap(planDisclaimer, width),
        ...wrap(imageTagNote(snapshot), width),
        "",
        ...countLines(stack),
        "",
        "Resources by parent, with the properties reviewers check",
        ...treeLines(stack, null, ""),
        "",
        ...planSections.flatMap((section) => [section.title, ...section.terminal(stack), ""]),
        "Existing resources and facts the program reads (data sources, answered by the mocks)",
        ...snapshot.reads.map((read) => `  ${readText(read)}`),
        "",
        "Stack outputs",
        ...table(
            Object.entries(snapshot.outputs).map(([key, value]) => [key, text(value)]),
            "  ",
        ),
        "",
        `Configuration (Pulumi.yaml defaults, then Pulumi.${snapshot.stack}.yaml; secrets as [secret])`,
        ...table(
            Object.entries(snapshot.config).map(([key, value]) => [key, value === "" ? '""' : value]),
            "  ",
        ),
    ];
    return `${lines.join("\n")}\n`;
}

/** Where the image tag came from, and why the image in this plan is not the one a deploy would push. */
export function imageTagNote(snapshot: Snapshot): string {
    const key = `${snapshot.project}:imageTag`;
    const origin =
        snapshot.imageTag.source === "placeholder"
            ? `a placeholder, as no stack file sets \`${key}\` (a deploy tags the image with the commit SHA)`
            : `from the stack's configuration (\`${key}\`)`;
    return (
        `Image tag: ${snapshot.imageTag.value}, ${origin}. The mock digest follows the tag and the build settings, ` +
        "not the contents of app/: every deploy of a new commit still pushes a new image and task definition revision."
    );
}

export function typeCounts(stack: StackModel): [string, number][] {
    const counts = new Map<string, number>();
    for (const resource of stack.resources) {
        counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
    }
    return [...counts].sort(([a], [b]) => compareText(a, b));
}

export function countSummary(stack: StackModel): string {
    const custom = stack.resources.filter((resource) => resource.custom).length;
    const components = stack.resources.length - custom;
    return `${stack.resources.length} resources (${custom} AWS and Docker resources, ${components} components including the stack)`;
}

function countLines(stack: StackModel): string[] {
    return [
        countSummary(stack),
        ...typeCounts(stack).map(([type, count]) => `  ${String(count).padStart(3)}  ${type}`),
    ];
}

function treeLines(stack: StackModel, parent: string | null, indent: string): string[] {
    const children = stack.children(parent);
    return children.flatMap((resource, i) => {
        const last = i === children.length - 1;
        const branch = parent === null ? "" : last ? "└─ " : "├─ ";
        const below = parent === null ? "" : last ? "   " : "│  ";
        const facts = wrap(highlights(resource, stack).join(" · "), width - indent.length - 8);
        return [
            `${indent}${branch}${resource.name}  (${resource.type})`,
            ...facts.map(
                (line) => `${indent}${below}${stack.children(resource.urn).length > 0 ? "│" : " "}    ${line}`,
            ),
            ...treeLines(stack, resource.urn, indent + below),
        ];
    });
}

function text(value: unknown): string {
    return typeof value === "string" ? value : display(value);
}

/** Rows with their columns padded to the widest cell. */
export function table(rows: string[][], indent: string): string[] {
    const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
    return rows.map(
        (row) => `${indent}${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ")}`,
    );
}

/** Breaks `line` at spaces so that no piece is longer than `limit` (a longer word stays whole). */
function wrap(line: string, limit: number): string[] {
    if (line === "") {
        return [];
    }
    const pieces: string[] = [];
    let current = "";
    for (const word of line.split(" ")) {
        if (current !== "" && current.length + 1 + word.length > limit) {
            pieces.push(current);
            current = word;
        } else {
            current = current === "" ? word : `${current} ${word}`;
        }
    }
    return [...pieces, current];
}
