// A stand-in for the stack's URL on 127.0.0.1: answers GET / as the service does, from the tasks and versions a
// test gives it, one answer per request in turn.
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAnswer {
    status?: number;
    version?: string;
    instance?: string;
    /** Sent as the body instead of the service's JSON. */
    raw?: string;
}

export interface FakeService {
    url: string;
    requests: () => number;
    close: () => Promise<void>;
}

/** Serves `answers` in turn (the last one repeats); each request is counted. */
export async function fakeService(answers: FakeAnswer[]): Promise<FakeService> {
    let served = 0;
    const server = http.createServer((request, response) => {
        const answer = answers[Math.min(served++, answers.length - 1)];
        response.writeHead(answer.status ?? 200, { "content-type": "application/json" });
        response.end(
            answer.raw ??
                JSON.stringify({
                    service: "fargate-service",
                    version: answer.version,
                    environment: "prod",
                    instance: answer.instance,
                    path: request.url,
                }),
        );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests: () => served,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
