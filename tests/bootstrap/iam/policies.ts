// Every policy document the project writes, by name: what the Service Authorization Reference checks read.
import { deployTrust, parseRepository, previewTrust } from "../../../bootstrap/githubTrust";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";
import { boundaryOf, deployPermissions, environments, everyRow, previewPermissions } from "./fixture";
import type { NamedPolicy } from "./policyChecks";
import { executionRole, policiesOf, readSnapshot } from "./workloads";

const provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

function roleTrusts(environment: string): PolicyDocument[] {
    return readSnapshot(environment)
        .resources.filter((resource) => resource.type === "aws:iam/role:Role")
        .map((resource) => JSON.parse(String(resource.inputs.assumeRolePolicy)) as PolicyDocument);
}

export function everyPolicy(): NamedPolicy[] {
    const repository = parseRepository("acme/fargate-service");
    return [
        ...environments.flatMap((environment) => [
            { name: `${environment} deploy role`, document: deployPermissions(environment, everyRow) },
            { name: `${environment} workload boundary`, document: boundaryOf(environment) },
            {
                name: `${environment} deploy trust`,
                document: deployTrust(provider, repository, environment, ["refs/heads/main"]),
            },
            ...policiesOf(readSnapshot(environment), executionRole).inline.map((document) => ({
                name: `${environment} execution role`,
                document,
            })),
            ...roleTrusts(environment).map((document) => ({ name: `${environment} task role trust`, document })),
        ]),
        { name: "preview role", document: previewPermissions(everyRow) },
        { name: "preview trust", document: previewTrust(provider, repository) },
    ];
}
