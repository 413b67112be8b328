// The AWS API check of a planned stack, run once per stack, and its findings as lines for the plan to print.
import type { Snapshot } from "../../plan/model/snapshot";
import { botocoreMissing, BotocoreModels, findBotocore } from "./botocoreModels";
import { AwsApiReport, checkAwsApi, Refusal } from "./checkStack";

let models: BotocoreModels | null | undefined;
const reports = new WeakMap<Snapshot, AwsApiReport | undefined>();

/** The check's report for the snapshot, or undefined when no botocore models are installed. */
export function awsApiReport(snapshot: Snapshot): AwsApiReport | undefined {
    if (!reports.has(snapshot)) {
        models ??= findBotocore() ?? null;
        reports.set(snapshot, models === null ? undefined : checkAwsApi(snapshot, models));
    }
    return reports.get(snapshot);
}

/** "AWS would refuse: <resource> <input> = <value>: <rule> (<model or doc>)" */
export function refusalLine(refusal: Refusal): string {
    return `AWS would refuse: ${refusal.resource} ${refusal.input} = ${shown(refusal.value)}: ${refusal.rule} (${refusal.source})`;
}

/** The section's lines: each refusal, or that there is none and what was checked; then what was not checked. */
export function reportLines(report: AwsApiReport | undefined): string[] {
    if (report === undefined) {
        return [`not checked: ${botocoreMissing}`];
    }
    const summary =
        `${report.inputsChecked} inputs of ${report.resourcesChecked} resources checked against ${report.models} ` +
        `(${report.modelRulesApplied} model rules, ${report.documentedRulesApplied} documented rules)`;
    return [
        ...(report.refusals.length === 0 ? [`none: ${summary}`] : [...report.refusals.map(refusalLine), summary]),
        ...report.notChecked.map(
            (item) =>
                `not checked: ${item.resource} (${item.type})${item.input === undefined ? "" : ` ${item.input}`}: ${item.reason}`,
        ),
        ...report.uncheckedPatterns.map(
            (pattern) => `not checked: the model pattern ${pattern} does not compile in JavaScript`,
        ),
    ];
}

function shown(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
