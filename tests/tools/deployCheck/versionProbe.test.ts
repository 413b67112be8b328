// The version half of the deploy check against a fake service on 127.0.0.1, over real HTTP.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DeployCheckError } from "../../../tools/deployCheck/deployCheckError";
import { httpGet, probeVersion, VersionProbe } from "../../../tools/deployCheck/versionProbe";
import { FakeAnswer, fakeService } from "./fakeService";

const commit = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const previous = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";

async function probe(answers: FakeAnswer[], change: Partial<VersionProbe> = {}) {
    const service = await fakeService(answers);
    try {
        const result = await probeVersion({
            url: `${service.url}/`,
            version: commit,
            requiredInstances: 2,
            maxRequests: 10,
            requestTimeoutMs: 2000,
            get: httpGet,
            ...change,
        });
        return { result, requests: service.requests() };
    } finally {
        await service.close();
    }
}

async function rejection(answers: FakeAnswer[], change: Partial<VersionProbe> = {}): Promise<string> {
    try {
        await probe(answers, change);
    } catch (error) {
        assert.ok(error instanceof DeployCheckError, String(error));
        return error.message;
    }
    throw new Error("the probe passed");
}

describe("the version probe", () => {
    it("passes once two tasks have answered with the commit, and stops asking", async () => {
        const { result, requests } = await probe([
            { version: commit, instance: "task-a" },
            { version: commit, instance: "task-a" },
            { version: commit, instance: "task-b" },
        ]);
        assert.deepEqual(result, { instances: ["task-a", "task-b"], requests: 3 });
        assert.equal(requests, 3);
    });

    it("fails at the first answer of the old version, naming it and the task", async () => {
        const message = await rejection([
            { version: commit, instance: "task-a" },
            { version: previous, instance: "task-old" },
        ]);
        assert.match(message, new RegExp(`served version "${previous}" from instance "task-old", not ${commit}`));
    });

    it("fails when only one task answers within the request budget", async () => {
        const message = await rejection([{ version: commit, instance: "task-a" }], { maxRequests: 6 });
        assert.match(
            message,
            /served 3f2a1b0\S* from 1 of the 2 tasks required in 6 requests \(6 answered 200 with JSON\)$/,
        );
    });

    it("is satisfied by one task when the service runs one", async () => {
        const { result } = await probe([{ version: commit, instance: "task-a" }], { requiredInstances: 1 });
        assert.deepEqual(result.instances, ["task-a"]);
    });

    it("rides out errors inside the budget, and names the last one when the budget runs out", async () => {
        const { result } = await probe([
            { status: 503, raw: "Service Unavailable" },
            { version: commit, instance: "task-a" },
            { version: commit, instance: "task-b" },
        ]);
        assert.equal(result.requests, 3);
        assert.match(
            await rejection([{ status: 502, raw: "Bad Gateway" }], { maxRequests: 3 }),
            /from 0 of the 2 tasks required in 3 requests \(0 answered 200 with JSON; last problem: HTTP 502\)$/,
        );
        assert.match(
            await rejection([{ raw: "<html>" }], { maxRequests: 2 }),
            /last problem: an answer that is not JSON\)$/,
        );
    });

    it("gives up on a server that does not answer within the request timeout", async () => {
        const message = await rejection([], {
            url: "http://127.0.0.1:9/",
            maxRequests: 2,
            requestTimeoutMs: 500,
        });
        assert.match(
            message,
            /from 0 of the 2 tasks required in 2 requests \(0 answered 200 with JSON; last problem: /,
        );
    });
});
