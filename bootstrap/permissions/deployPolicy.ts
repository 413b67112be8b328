// The deploy role of one environment: every call of the provider-call table for the types the stacks declare,
// held to that environment's resources (scope.ts), and never able to lift the workload boundary.
import { type ProviderCalls, declaredCalls } from "../providerCalls";
import { type PolicyDocument, document } from "../policyDocuments";
import { grantsFor } from "./grants";
import type { Account } from "./scope";
import { deployStateAccess } from "./stateBucket";
import { toStatements } from "./statements";

export interface DeployPolicyArgs {
    readonly account: Account;
    readonly environment: string;
    /** The environment's workload permissions boundary: every role the deploy creates must carry it. */
    readonly boundaryArn: string;
    /** The rows to grant; the declared rows of the table unless a test says otherwise. */
    readonly table?: readonly ProviderCalls[];
}

export function deployPolicy(args: DeployPolicyArgs): PolicyDocument {
    const rows = args.table ?? declaredCalls();
    const grants = rows.flatMap((row) => row.calls.flatMap((call) => grantsFor(call, args)));
    return document(
        ...toStatements(grants),
        {
            Sid: "NeverLiftTheWorkloadBoundary",
            Effect: "Deny",
            Action: ["iam:DeleteRolePermissionsBoundary"],
            Resource: "*",
        },
        ...deployStateAccess(args.account, args.environment),
    );
}
