// Runs bootstrap/ under the shared mock engine (tools/mocks), with
// models for the few IAM types and calls only the bootstrap makes.
import { resolve } from "node:path";
import { type InvokeModel, type ResourceModel, awsInvokeModels, awsResourceModels } from "../../tools/mocks/awsModels";
import { type ProgramRun, type RecordedResource, runProgram } from "../../tools/mocks/mockEngine";
import type { PolicyDocument, PolicyStatement } from "../../bootstrap/policyDocuments";

export const ACCOUNT_ID = "123456789012";
export const REGION = "eu-west-1";
export const REPOSITORY = "acme/fargate-service";

const bootstrapModels: Record<string, ResourceModel> = {
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (_name, inputs, ctx) => {
        const host = String(inputs.url).replace(/^https:\/\//, "");
        const arn = `arn:aws:iam::${ctx.accountId}:oidc-provider/${host}`;
        return { id: arn, arn };
    },
    "aws:iam/policy:Policy": (name, inputs, ctx) => {
        const policyName = (inputs.name as string | undefined) ?? `${name}-${ctx.hex(7)}`;
        return {
            id: policyName,
            name: policyName,
            arn: `arn:aws:iam::${ctx.accountId}:policy${String(inputs.path ?? "/")}${policyName}`,
        };
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (name, _inputs, ctx) => ({ id: `${name}-${ctx.hex(7)}` }),
};

/** The GitHub provider's resources answer with their inputs: only what the program declares matters here. */
const githubModels: Record<string, ResourceModel> = Object.fromEntries(
    [
        "pulumi:providers:github",
        "github:index/repositoryEnvironment:RepositoryEnvironment",
        "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy",
        "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable",
        "github:index/actionsVariable:ActionsVariable",
    ].map((type): [string, ResourceModel] => [type, (name, _inputs, ctx) => ({ id: `${name}-${ctx.hex(7)}` })]),
);

const bootstrapInvokes: Record<string, InvokeModel> = {
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" }),
    "aws:index/getRegion:getRegion": (_args, ctx) => ({ id: ctx.region, region: ctx.region, name: ctx.region }),
};

/** The compiled bootstrap (build/bootstrap), at the same relative path as this compiled file. */
const bootstrapProgram = resolve(__dirname, "../../bootstrap");

/** Runs the bootstrap once (the engine allows one program per process). */
export function runBootstrap(config: Record<string, string>): Promise<ProgramRun> {
    return runProgram(bootstrapProgram, {
        project: "fargate-service-bootstrap",
        stack: "account",
        accountId: ACCOUNT_ID,
        config: { "aws:region": REGION, "fargate-service-bootstrap:githubRepository": REPOSITORY, ...config },
        resourceModels: { ...awsResourceModels, ...bootstrapModels, ...githubModels },
        invokeModels: { ...awsInvokeModels, ...bootstrapInvokes },
    });
}

export function resourcesOfType(run: ProgramRun, type: string): RecordedResource[] {
    return run.resources.filter((resource) => resource.type === type);
}

export function named(run: ProgramRun, type: string, name: string): RecordedResource {
    const found = resourcesOfType(run, type).find((resource) => resource.name === name);
    if (found === undefined) throw new Error(`no ${type} named ${name}`);
    return found;
}

export function policyOf(resource: RecordedResource, input: string): PolicyDocument {
    return JSON.parse(String(resource.inputs[input])) as PolicyDocument;
}

export function statement(policy: PolicyDocument, sid: string): PolicyStatement {
    const found = policy.Statement.find((candidate) => candidate.Sid === sid);
    if (found === undefined) throw new Error(`no statement ${sid}`);
    return found;
}

export function allowedActions(policy: PolicyDocument): string[] {
    return policy.Statement.filter((candidate) => candidate.Effect === "Allow").flatMap((candidate) => [
        ...candidate.Action,
    ]);
}
