// A self-managed backend's state bucket. The DIY backend keeps each stack's state, history, backups and lock under
// its own keys (pulumi/pulumi pkg/backend/diy/store.go: projectReferenceStore StackBasePath, HistoryDir,
// BackupDir; lock.go: stackLockDir of "organization/<project>/<stack>"), so a deploy role writes only its stack's.
// `pulumi preview` neither locks nor writes (pkg/backend/diy/backend.go: Preview applies as a dry run, without
// Lock, without a snapshot persister and without addToHistory): a preview role reads and writes nothing.
import type { PolicyStatement } from "../policyDocuments";
import { type Account, STACK_PROJECT } from "./scope";

const bucketArn = (account: Account, bucket: string) => `arn:${account.partition}:s3:::${bucket}`;

/** The keys of one stack's state. */
export function stackStateKeys(environment: string): string[] {
    return [
        `.pulumi/stacks/${STACK_PROJECT}/${environment}.json*`,
        `.pulumi/history/${STACK_PROJECT}/${environment}/*`,
        `.pulumi/backups/${STACK_PROJECT}/${environment}/*`,
        `.pulumi/locks/organization/${STACK_PROJECT}/${environment}/*`,
    ];
}

/** Deploys of `environment`: read the backend's metadata and their stack's state, write only their stack's. */
export function deployStateAccess(account: Account, environment: string): PolicyStatement[] {
    if (account.stateBucket === undefined) return [];
    const bucket = bucketArn(account, account.stateBucket);
    const own = stackStateKeys(environment).map((key) => `${bucket}/${key}`);
    return [
        { Sid: "ListTheStateBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: bucket },
        {
            Sid: "ReadTheBackendAndTheStacksState",
            Effect: "Allow",
            Action: ["s3:GetObject"],
            Resource: [`${bucket}/.pulumi/meta.yaml`, ...own],
        },
        { Sid: "WriteOnlyTheStacksState", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: own },
    ];
}

/** Previews of every stack: read all state, write nothing (no lock either). */
export function previewStateAccess(account: Account): PolicyStatement[] {
    if (account.stateBucket === undefined) return [];
    const bucket = bucketArn(account, account.stateBucket);
    return [
        { Sid: "ListTheStateBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: bucket },
        { Sid: "ReadTheStacksState", Effect: "Allow", Action: ["s3:GetObject"], Resource: `${bucket}/.pulumi/*` },
    ];
}
