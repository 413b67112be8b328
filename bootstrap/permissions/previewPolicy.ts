// The preview role: what `pulumi preview` calls (the provider's configuration and the program's data sources, the
// table's "invoke" calls) for every environment's resources, and read access to the state. No create, update or
// delete call of the table is in it; tests/bootstrap/iam/ checks each one is denied.
import { type ProviderCalls, declaredCalls } from "../providerCalls";
import { type PolicyDocument, document } from "../policyDocuments";
import { grantsFor } from "./grants";
import type { Account } from "./scope";
import { previewStateAccess } from "./stateBucket";
import { toStatements } from "./statements";

export function previewPolicy(
    account: Account,
    environments: readonly string[],
    table: readonly ProviderCalls[] = declaredCalls(),
): PolicyDocument {
    const previewCalls = table.flatMap((row) => row.calls.filter((call) => call.during.includes("invoke")));
    const grants = environments.flatMap((environment) =>
        previewCalls.flatMap((call) => grantsFor(call, { account, environment, boundaryArn: "" })),
    );
    return document(...toStatements(grants), ...previewStateAccess(account));
}
