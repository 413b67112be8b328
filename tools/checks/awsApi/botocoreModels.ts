// AWS's own API models, read as data: botocore ships the service models (the JSON every AWS SDK is generated from)
// as data/<service>/<api version>/service-2.json(.gz). The pip package is found through python3; Debian's
// python3-botocore package is the fallback (/usr/lib/python3/dist-packages). Nothing here runs botocore's code.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

/** One shape of a service model, with the constraints AWS validates a request against. */
export interface Shape {
    type: string;
    min?: number;
    max?: number;
    pattern?: string;
    enum?: string[];
    required?: string[];
    members?: Record<string, { shape: string }>;
    member?: { shape: string };
    key?: { shape: string };
    value?: { shape: string };
}

export interface ServiceModel {
    metadata: { apiVersion: string; serviceId: string };
    operations: Record<string, { input?: { shape: string } }>;
    shapes: Record<string, Shape>;
}

/** Debian's package installs botocore here, for the system python3. */
export const debianBotocoreDir = "/usr/lib/python3/dist-packages/botocore";

export class BotocoreModels {
    private readonly loaded = new Map<string, ServiceModel>();

    constructor(
        /** The botocore package directory (holds data/ and __init__.py). */
        readonly packageDir: string,
        /** botocore's version, the version of the models. */
        readonly version: string,
    ) {}

    /** The newest API version of `service` (botocore's directory name: "ecs", "elbv2", ...). */
    service(service: string): ServiceModel {
        const cached = this.loaded.get(service);
        if (cached !== undefined) {
            return cached;
        }
        const serviceDir = path.join(this.packageDir, "data", service);
        if (!fs.existsSync(serviceDir)) {
            throw new Error(`botocore ${this.version} has no model of the service "${service}" (${serviceDir})`);
        }
        const newest = fs.readdirSync(serviceDir).sort().at(-1) ?? "";
        const file = path.join(serviceDir, newest, "service-2.json");
        // botocore 1.32 and later gzip the models; Debian bookworm's 1.29 ships them plain.
        const text = fs.existsSync(`${file}.gz`)
            ? zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString("utf8")
            : fs.readFileSync(file, "utf8");
        const model = JSON.parse(text) as ServiceModel;
        this.loaded.set(service, model);
        return model;
    }
}

/**
 * botocore's package directories to try, in order, each looked up only if the one before holds no models:
 * python3's own (found without importing botocore, which is slow), the system python3's, Debian's package.
 */
export function* botocoreCandidates(): Generator<string> {
    for (const python of ["python3", "/usr/bin/python3"]) {
        try {
            const printed = execFileSync(
                python,
                [
                    "-c",
                    "import importlib.util; print(importlib.util.find_spec('botocore').submodule_search_locations[0])",
                ],
                { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 },
            );
            yield printed.trim();
        } catch {
            // no such python, or no botocore for it: try the next
        }
    }
    yield debianBotocoreDir;
}

/** The first candidate that holds models, or undefined when none does. */
export function findBotocore(candidates: Iterable<string> = botocoreCandidates()): BotocoreModels | undefined {
    for (const dir of candidates) {
        const init = path.join(dir, "__init__.py");
        if (fs.existsSync(path.join(dir, "data")) && fs.existsSync(init)) {
            const version = /__version__\s*=\s*["']([^"']+)["']/.exec(fs.readFileSync(init, "utf8"))?.[1] ?? "unknown";
            return new BotocoreModels(dir, version);
        }
    }
    return undefined;
}

export const botocoreMissing =
    "AWS's API models were not found: python3 has no botocore and Debian's python3-botocore is not installed " +
    "(apt-get install python3-botocore, or pip install botocore)";
