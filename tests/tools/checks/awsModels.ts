// What the AWS API check's tests share: botocore's models (the test command installs them when python3 has none),
// the reviewed plan snapshots, and a snapshot with one resource changed.
import * as fs from "node:fs";
import * as path from "node:path";
import { botocoreMissing, BotocoreModels, findBotocore } from "../../../tools/checks/awsApi/botocoreModels";
import type { Snapshot, SnapshotResource } from "../../../tools/plan/model/snapshot";
import { repositoryRoot } from "../plan/planCli";

export function requireModels(): BotocoreModels {
    const models = findBotocore();
    if (models === undefined) {
        throw new Error(`${botocoreMissing}; tests/run-all.sh installs python3-botocore`);
    }
    return models;
}

export function reviewedSnapshot(stack: "dev" | "prod"): Snapshot {
    const file = path.join(repositoryRoot, "tests", "tools", "plan", "snapshots", `${stack}.json`);
    return JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
}

/** prod's snapshot with the resource `name` of `type` changed by `change` (which may rename it). */
export function prodWith(type: string, name: string, change: (resource: SnapshotResource) => void): Snapshot {
    const snapshot = reviewedSnapshot("prod");
    const resource = snapshot.resources.find((r) => r.type === type && r.name === name);
    if (resource === undefined) {
        throw new Error(`prod declares no ${type} named ${name}`);
    }
    change(resource);
    return snapshot;
}

/** A JSON document input with one change made to its parsed value. */
export function editJson(resource: SnapshotResource, input: string, change: (document: any) => void): void {
    const document: unknown = JSON.parse(resource.inputs[input] as string);
    change(document);
    resource.inputs[input] = JSON.stringify(document);
}
