// Runs every policy of the pack over a planned stack as the engine does during a preview: GetAnalyzerInfo,
// Configure, ConfigureStack, then Analyze for each resource and AnalyzeStack once, collecting the violations.
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { ProgramRun } from "../../mocks/mockEngine";
import { analyzeRequest, analyzeStackRequest } from "./analyzerRequests";
import { configureRequest, reconcilePackConfig } from "./packConfig";

export type Level = "advisory" | "mandatory" | "disabled" | "remediate";

export interface PolicyViolation {
    policy: string;
    level: Level;
    /** The resource the policy names; undefined for a violation of the stack as a whole. */
    resource: { urn: string; type: string; name: string } | undefined;
    /** What is wrong, without the policy's description that the engine puts before it. */
    message: string;
}

export interface PolicyReport {
    pack: string;
    version: string;
    policies: { name: string; level: Level; description: string }[];
    violations: PolicyViolation[];
}

const levels: Readonly<Record<analyzer.EnforcementLevel, Level>> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.DISABLED]: "disabled",
    [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};

type Call<Request, Response> = (
    request: Request,
    callback: (error: grpc.ServiceError | null, response: Response) => void,
) => unknown;

function call<Request, Response>(method: Call<Request, Response>, request: Request): Promise<Response> {
    return new Promise((resolve, reject) =>
        method(request, (error, response) => (error === null ? resolve(response) : reject(error))),
    );
}

export async function judgeStack(address: string, run: ProgramRun): Promise<PolicyReport> {
    const client = new AnalyzerClient(address, grpc.credentials.createInsecure());
    try {
        const info = await call<Empty, analyzer.AnalyzerInfo>(client.getAnalyzerInfo.bind(client), new Empty());
        const config = reconcilePackConfig(info);
        await call<analyzer.ConfigureAnalyzerRequest, Empty>(client.configure.bind(client), configureRequest(config));
        await call<analyzer.AnalyzerStackConfigureRequest, analyzer.AnalyzerStackConfigureResponse>(
            client.configureStack.bind(client),
            new analyzer.AnalyzerStackConfigureRequest().setStack(run.stack).setProject(run.project).setDryRun(true),
        );
        const byUrn = new Map(run.resources.map((resource) => [resource.urn, resource]));
        // The engine analyzes resources as the program registers them, many at once; so does the plan.
        const responses = await Promise.all(
            run.resources.map((resource) =>
                call<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(
                    client.analyze.bind(client),
                    analyzeRequest(resource),
                ).then((response) => ({ response, resource })),
            ),
        );
        const diagnostics = responses.flatMap(({ response, resource }) =>
            response
                .getDiagnosticsList()
                .map((diagnostic) => ({ diagnostic, urn: diagnostic.getUrn() || resource.urn })),
        );
        const stackResponse = await call<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(
            client.analyzeStack.bind(client),
            analyzeStackRequest(run.resources),
        );
        diagnostics.push(
            ...stackResponse.getDiagnosticsList().map((diagnostic) => ({ diagnostic, urn: diagnostic.getUrn() })),
        );
        return {
            pack: info.getName(),
            version: info.getVersion(),
            policies: info.getPoliciesList().map((policy) => ({
                name: policy.getName(),
                level: levels[config.get(policy.getName())?.enforcementLevel ?? policy.getEnforcementlevel()],
                description: policy.getDescription(),
            })),
            violations: diagnostics.map(({ diagnostic, urn }) => {
                const resource = byUrn.get(urn);
                return {
                    policy: diagnostic.getPolicyname(),
                    level: levels[diagnostic.getEnforcementlevel()],
                    resource: resource === undefined ? undefined : { urn, type: resource.type, name: resource.name },
                    message: withoutDescription(diagnostic),
                };
            }),
        };
    } finally {
        client.close();
    }
}

/** @pulumi/policy's reportViolation sends "<description>\n<message>"; the description is shown once per policy. */
function withoutDescription(diagnostic: analyzer.AnalyzeDiagnostic): string {
    const message = diagnostic.getMessage();
    const description = diagnostic.getDescription();
    return description !== "" && message.startsWith(`${description}\n`)
        ? message.slice(description.length + 1)
        : message;
}
