// Whether the stack's URL serves the commit this deploy built, from enough tasks: GET / answers
// {"service", "version", "environment", "instance"}, and `instance` (the ECS task id) tells tasks apart. A bounded
// number of requests, each on a new connection so that the load balancer picks a target afresh.
import * as http from "node:http";
import * as https from "node:https";
import { DeployCheckError } from "./deployCheckError";

export interface Answer {
    status: number;
    body: string;
}

/** One GET; rejects on a network error or when `timeoutMs` passes. */
export type Get = (url: string, timeoutMs: number) => Promise<Answer>;

export interface VersionProbe {
    url: string;
    version: string;
    /** Distinct `instance` values needed: min(2, desired tasks), so one task cannot speak for all. */
    requiredInstances: number;
    maxRequests: number;
    requestTimeoutMs: number;
    get: Get;
}

export interface ProbeResult {
    instances: string[];
    requests: number;
}

interface ServiceInfo {
    version?: unknown;
    instance?: unknown;
}

export async function probeVersion(probe: VersionProbe): Promise<ProbeResult> {
    const instances = new Set<string>();
    let lastProblem = "";
    let answered = 0;
    for (let request = 1; request <= probe.maxRequests; request++) {
        let answer: Answer;
        try {
            answer = await probe.get(probe.url, probe.requestTimeoutMs);
        } catch (error) {
            lastProblem = error instanceof Error ? error.message : String(error);
            continue;
        }
        if (answer.status !== 200) {
            lastProblem = `HTTP ${answer.status}`;
            continue;
        }
        let info: ServiceInfo;
        try {
            info = JSON.parse(answer.body) as ServiceInfo;
        } catch {
            lastProblem = "an answer that is not JSON";
            continue;
        }
        answered++;
        if (info.version !== probe.version) {
            throw new DeployCheckError(
                `${probe.url} served version ${JSON.stringify(info.version)} from instance ` +
                    `${JSON.stringify(info.instance)}, not ${probe.version} that this deploy built`,
            );
        }
        instances.add(String(info.instance));
        if (instances.size >= probe.requiredInstances) {
            return { instances: [...instances].sort(), requests: request };
        }
    }
    throw new DeployCheckError(
        `${probe.url} served ${probe.version} from ${instances.size} of the ${probe.requiredInstances} tasks required ` +
            `in ${probe.maxRequests} requests (${answered} answered 200 with JSON` +
            `${lastProblem === "" ? "" : `; last problem: ${lastProblem}`})`,
    );
}

/** GET over HTTP(S) on a connection of its own, reading at most 64 KiB of the answer. */
export const httpGet: Get = (url, timeoutMs) =>
    new Promise((resolve, reject) => {
        const client = url.startsWith("https:") ? https : http;
        const request = client.get(
            url,
            { agent: false, headers: { connection: "close", "user-agent": "fargate-service-deploy-check" } },
            (response) => {
                const chunks: Buffer[] = [];
                let size = 0;
                response.on("data", (chunk: Buffer) => {
                    size += chunk.length;
                    if (size <= 65536) {
                        chunks.push(chunk);
                    }
                });
                response.on("end", () =>
                    resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
                );
                response.on("error", reject);
            },
        );
        request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        request.on("error", reject);
    });
