// The AWS API check's figures, for bench/aws-api-rules.sh and docs/checks.md: the model rules each mapped type can
// apply (constraints reachable from its mapped members), its documented rules, and per stack what one check applied
// and how long it takes from a cold start (models read from disk again), the median of `runs` runs.
import * as fs from "fs";
import * as path from "path";
import type { Snapshot } from "../../plan/model/snapshot";
import { isNotSent } from "./apiMapping";
import { BotocoreModels, findBotocore, botocoreMissing, ServiceModel } from "./botocoreModels";
import { checkAwsApi, memberShape } from "./checkStack";
import { documentedRules } from "./documented";
import { apiMappings } from "./mappings";

/** Constraints of `shape` and every shape below it, each shape counted once. */
function constraintsBelow(model: ServiceModel, shapeName: string, seen: Set<string>): number {
    if (seen.has(shapeName)) {
        return 0;
    }
    seen.add(shapeName);
    const shape = model.shapes[shapeName];
    const own =
        1 + // its type
        [shape.min, shape.max, shape.pattern, shape.enum].filter((constraint) => constraint !== undefined).length +
        (shape.required?.length ?? 0);
    const children = [
        ...Object.values(shape.members ?? {}),
        ...[shape.member, shape.key, shape.value].filter((child) => child !== undefined),
    ];
    return own + children.reduce((sum, child) => sum + constraintsBelow(model, child.shape, seen), 0);
}

export function modelRulesOf(type: string, models: BotocoreModels): number {
    const mapping = apiMappings[type];
    const model = models.service(mapping.service);
    const seen = new Set<string>();
    return Object.values(mapping.inputs)
        .flatMap((target) => (isNotSent(target) ? [] : Array.isArray(target) ? target : [target]))
        .reduce((sum, target) => {
            const shape = memberShape(model, target.operation, target.member);
            return shape === undefined ? sum : sum + constraintsBelow(model, shape, seen);
        }, 0);
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints one "name value" line per figure. */
export function printFigures(repositoryRoot: string, runs: number): void {
    const lookups: number[] = [];
    let found: BotocoreModels | undefined;
    for (let run = 0; run < runs; run++) {
        const started = process.hrtime.bigint();
        found = findBotocore();
        lookups.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    if (found === undefined) {
        throw new Error(botocoreMissing);
    }
    const models = found;
    console.log(
        `models botocore ${models.version} ${models.packageDir} lookup_ms_median ${median(lookups).toFixed(1)}`,
    );
    for (const type of Object.keys(apiMappings).sort()) {
        console.log(
            `type ${type} model_rules ${modelRulesOf(type, models)} documented_rules ${(documentedRules[type] ?? []).length}`,
        );
    }
    const documented = Object.values(documentedRules).reduce((sum, rules) => sum + rules.length, 0);
    console.log(`types_mapped ${Object.keys(apiMappings).length} documented_rules_total ${documented}`);
    for (const stack of ["dev", "prod"]) {
        const file = path.join(repositoryRoot, "tests", "tools", "plan", "snapshots", `${stack}.json`);
        const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
        const timings: number[] = [];
        let report = checkAwsApi(snapshot, models);
        for (let run = 0; run < runs; run++) {
            const started = process.hrtime.bigint();
            report = checkAwsApi(snapshot, new BotocoreModels(models.packageDir, models.version));
            timings.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        console.log(
            `stack ${stack} resources_checked ${report.resourcesChecked} inputs_checked ${report.inputsChecked} ` +
                `model_rules_applied ${report.modelRulesApplied} documented_rules_applied ${report.documentedRulesApplied} ` +
                `refusals ${report.refusals.length} not_checked ${report.notChecked.length} ` +
                `check_ms_median ${median(timings).toFixed(1)} runs ${runs}`,
        );
    }
}
