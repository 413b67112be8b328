// Checks every input a planned stack declares against what AWS accepts: each input goes to the API member the
// provider sends it as (mappings/), is checked against that member's shape in botocore's models (shapeRules.ts),
// and each resource against the rules only AWS's documentation states (documented/). What cannot be checked is
// listed, never skipped in silence.
import type { Snapshot, SnapshotResource } from "../../plan/model/snapshot";
import { ApiMapping, isNotSent, MemberTarget } from "./apiMapping";
import { BotocoreModels, ServiceModel } from "./botocoreModels";
import { documentedRules } from "./documented";
import { valueAt } from "./documentedRule";
import { apiMappings } from "./mappings";
import { memberShape, uncovered, withAutoName } from "./resourceInputs";
import { checkMembers, checkShape, ShapeTally } from "./shapeRules";

export { autoNameSuffix, memberShape } from "./resourceInputs";

/** The recorder's stand-in for a secret value (tools/mocks/recorder.ts), which cannot be checked. */
export const secretValue = "[secret]";

export interface Refusal {
    resource: string;
    type: string;
    /** The input, as the program names it: "healthCheck.timeout", "name (auto-name)". */
    input: string;
    value: unknown;
    rule: string;
    /** The model member or the documentation page the rule comes from. */
    source: string;
}

export interface NotChecked {
    resource: string;
    type: string;
    input?: string;
    reason: string;
}

export interface AwsApiReport {
    /** "botocore 1.43.11": the models the inputs were checked against. */
    models: string;
    refusals: Refusal[];
    notChecked: NotChecked[];
    resourcesChecked: number;
    /** Inputs sent to a model member (each mapped input of each resource once). */
    inputsChecked: number;
    /** Model constraints evaluated: types, lengths, patterns, enums, ranges, required members. */
    modelRulesApplied: number;
    /** Documented rules evaluated, once per resource they apply to. */
    documentedRulesApplied: number;
    /** Model patterns JavaScript cannot compile, which were not checked. */
    uncheckedPatterns: string[];
}

export function checkAwsApi(snapshot: Snapshot, models: BotocoreModels): AwsApiReport {
    const report: AwsApiReport = {
        models: `botocore ${models.version}`,
        refusals: [],
        notChecked: [],
        resourcesChecked: 0,
        inputsChecked: 0,
        modelRulesApplied: 0,
        documentedRulesApplied: 0,
        uncheckedPatterns: [],
    };
    const tally = new ShapeTally();
    for (const resource of snapshot.resources.filter((r) => sentToAws(r, snapshot.project))) {
        const mapping = apiMappings[resource.type];
        if (mapping === undefined) {
            report.notChecked.push({ resource: resource.name, type: resource.type, reason: "no API mapping" });
            continue;
        }
        report.resourcesChecked++;
        checkResource(resource, mapping, models.service(mapping.service), report, tally);
    }
    report.modelRulesApplied = tally.rulesApplied;
    report.uncheckedPatterns = [...tally.uncheckedPatterns].sort();
    return report;
}

/** Custom resources, and the components of other packages (awsx) whose arguments become API calls. */
function sentToAws(resource: SnapshotResource, project: string): boolean {
    return resource.custom || !(resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith(`${project}:`));
}

function checkResource(
    resource: SnapshotResource,
    mapping: ApiMapping,
    model: ServiceModel,
    report: AwsApiReport,
    tally: ShapeTally,
): void {
    const { inputs, autoNamed } = withAutoName(resource, mapping);
    const skip = (input: string, reason: string) =>
        report.notChecked.push({ resource: resource.name, type: resource.type, input, reason });
    for (const [path, target] of Object.entries(mapping.inputs)) {
        const value = valueAt(inputs, path);
        if (value === undefined || value === null || isNotSent(target)) {
            continue;
        }
        if (value === secretValue) {
            skip(path, "a secret: its value is not in the plan");
            continue;
        }
        report.inputsChecked++;
        const label = path === autoNamed ? `${path} (auto-name)` : path;
        for (const member of Array.isArray(target) ? target : [target]) {
            checkMember(resource, mapping, model, member, label, value, report, tally);
        }
    }
    for (const key of tally.unknownKeys.splice(0)) {
        skip(key, "no member of its API shape in this version of the model");
    }
    for (const path of uncovered(inputs, mapping)) {
        skip(path, "no API member mapped");
    }
    for (const rule of documentedRules[resource.type] ?? []) {
        report.documentedRulesApplied++;
        for (const violation of rule.violations(inputs)) {
            report.refusals.push({
                resource: resource.name,
                type: resource.type,
                input: violation.input === autoNamed ? `${violation.input} (auto-name)` : violation.input,
                value: violation.value,
                rule: violation.detail === undefined ? rule.rule : `${rule.rule}: ${violation.detail}`,
                source: rule.source,
            });
        }
    }
}

function checkMember(
    resource: SnapshotResource,
    mapping: ApiMapping,
    model: ServiceModel,
    member: MemberTarget,
    label: string,
    value: unknown,
    report: AwsApiReport,
    tally: ShapeTally,
): void {
    const memberName = `${member.operation}.${member.member}`;
    const shapeName = memberShape(model, member.operation, member.member);
    if (shapeName === undefined) {
        report.notChecked.push({
            resource: resource.name,
            type: resource.type,
            input: label,
            reason: `${mapping.service} ${memberName} is not in this version of the model`,
        });
        return;
    }
    let sent: unknown;
    try {
        sent = member.toApi === undefined ? value : member.toApi(value);
    } catch (error) {
        report.refusals.push({
            resource: resource.name,
            type: resource.type,
            input: label,
            value,
            rule: `cannot be sent: ${error instanceof Error ? error.message : String(error)}`,
            source: mapping.source,
        });
        return;
    }
    const target = { model, service: mapping.service, member: memberName, renames: mapping.renames };
    const found = tally.violations.length;
    if (member.member === "[]") {
        (sent as unknown[]).forEach((item, i) => checkMembers(target, shapeName, item, `${label}[${i}]`, tally));
    } else {
        checkShape(target, shapeName, sent, label, tally);
    }
    for (const violation of tally.violations.splice(found)) {
        report.refusals.push({
            resource: resource.name,
            type: resource.type,
            // A converted value's inner path is the API's, not the program's: name the input instead.
            input: member.toApi === undefined ? violation.path : label,
            value: violation.value,
            rule: violation.rule,
            source: violation.source,
        });
    }
}
