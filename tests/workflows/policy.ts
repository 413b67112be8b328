// The delivery rules every workflow must keep, each a function that returns
// what breaks it. Rule names are what a failing test prints.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { type Finding, type Job, type Workflow, isRecord, repositoryRoot, stepsUsing } from "./workflow-files";

type Rule = (workflow: Workflow) => string[];

const AWS_CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials";
const PULUMI_ACTION = "pulumi/actions";
const STATE_CHANGING_PULUMI_COMMANDS = new Set(["up", "update", "destroy", "refresh"]);
const SAME_REPOSITORY_CONDITION = "github.event.pull_request.head.repo.full_name == github.repository";

function permissionsOf(definition: Record<string, unknown>): unknown {
    return definition.permissions;
}

function grantsWrite(permissions: unknown): boolean {
    if (typeof permissions === "string") return permissions !== "read-all";
    return isRecord(permissions) && Object.values(permissions).some((access) => access === "write");
}

function changesPulumiState(job: Job): boolean {
    return stepsUsing(job, PULUMI_ACTION).some((step) => STATE_CHANGING_PULUMI_COMMANDS.has(String(step.with.command)));
}

/** Long-lived AWS keys never appear: credentials come from OIDC. */
const noStaticAwsKeys: Rule = (workflow) =>
    [/AWS_ACCESS_KEY_ID/i, /AWS_SECRET_ACCESS_KEY/i, /aws-access-key-id/i, /aws-secret-access-key/i]
        .filter((pattern) => pattern.test(workflow.text))
        .map((pattern) => `mentions ${pattern.source}: use role-to-assume with GitHub's OIDC token instead of keys`);

/** AWS credentials come only from a role assumed with the job's OIDC token. */
const awsThroughOidc: Rule = (workflow) =>
    workflow.jobs.flatMap((job) => {
        const awsSteps = stepsUsing(job, AWS_CREDENTIALS_ACTION);
        const permissions = permissionsOf(job.definition);
        const canRequestToken = isRecord(permissions) && permissions["id-token"] === "write";
        return [
            ...awsSteps
                .filter((step) => typeof step.with["role-to-assume"] !== "string")
                .map(() => `job ${job.id}: ${AWS_CREDENTIALS_ACTION} without role-to-assume`),
            ...(awsSteps.length > 0 && !canRequestToken
                ? [`job ${job.id}: assumes a role without id-token: write`]
                : []),
            ...(awsSteps.length === 0 && canRequestToken
                ? [`job ${job.id}: id-token: write but assumes no AWS role`]
                : []),
        ];
    });

/** The workflow's default token can write nothing; each job asks for what it needs. */
const leastPermissions: Rule = (workflow) => [
    ...(permissionsOf(workflow.definition) === undefined ? ["no top-level permissions: set `permissions: {}`"] : []),
    ...(grantsWrite(permissionsOf(workflow.definition)) ? ["top-level permissions grant write access"] : []),
    ...workflow.jobs
        .filter((job) => permissionsOf(job.definition) === undefined)
        .map((job) => `job ${job.id}: no permissions of its own`),
    ...workflow.jobs
        .filter((job) => typeof permissionsOf(job.definition) === "string")
        .map((job) => `job ${job.id}: permissions ${String(permissionsOf(job.definition))}; list each scope`),
];

/** A deploy runs in its environment, never beside another deploy of its stack. */
const deploysSerializedPerStack: Rule = (workflow) =>
    workflow.jobs.filter(changesPulumiState).flatMap((job) => {
        const concurrency = job.definition.concurrency;
        const problems: string[] = [];
        if (!isRecord(concurrency) || typeof concurrency.group !== "string") {
            problems.push(`job ${job.id}: changes a stack without a concurrency group`);
        } else if (concurrency["cancel-in-progress"] !== false) {
            problems.push(
                `job ${job.id}: concurrency must set cancel-in-progress: false, a cancelled pulumi up corrupts state`,
            );
        }
        if (job.definition.environment === undefined) {
            problems.push(`job ${job.id}: changes a stack outside a GitHub environment`);
        }
        return problems;
    });

/** Code under review runs with the pull request's own read-only token. */
const noPullRequestTarget: Rule = (workflow) =>
    workflow.triggers.includes("pull_request_target")
        ? ["triggered by pull_request_target, which runs pull-request code with secrets; use pull_request"]
        : [];

/** In pull-request workflows, secret values reach only jobs of same-repository branches. */
const secretsStayOutOfForks: Rule = (workflow) => {
    if (!workflow.triggers.includes("pull_request")) return [];
    const secretValue = /\$\{\{\s*secrets(?:\.(?!GITHUB_TOKEN\b)\w+|\[[^\]]+\])\s*\}\}/;
    return workflow.jobs
        .filter((job) => secretValue.test(JSON.stringify(job.definition)))
        .filter((job) => !String(job.definition.if ?? "").includes(SAME_REPOSITORY_CONDITION))
        .map((job) => `job ${job.id}: receives secrets but its if lacks \`${SAME_REPOSITORY_CONDITION}\``);
};

/** A workflow_run workflow runs with a writable token: it must not run pull-request code. */
const workflowRunRunsNoPullRequestCode: Rule = (workflow) => {
    if (!workflow.triggers.includes("workflow_run")) return [];
    return workflow.jobs.flatMap((job) => [
        ...job.steps.filter((step) => step.run !== undefined).map(() => `job ${job.id}: has a run step`),
        ...stepsUsing(job, "actions/checkout")
            .filter((step) => step.with.ref !== "${{ github.event.repository.default_branch }}")
            .map(() => `job ${job.id}: checks out something other than the default branch`),
    ]);
};

/** Checkouts leave no token behind for later steps to misuse. */
const checkoutsKeepNoCredentials: Rule = (workflow) =>
    workflow.jobs.flatMap((job) =>
        stepsUsing(job, "actions/checkout")
            .filter((step) => step.with["persist-credentials"] !== false)
            .map(() => `job ${job.id}: actions/checkout without persist-credentials: false`),
    );

/** Remote actions run the exact commit that was reviewed; the comment names its release. */
const actionsPinnedToCommits: Rule = (workflow) => {
    const usesLine = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(#.*)?$/;
    const lines = workflow.text.split("\n");
    const problems = lines.flatMap((line, index) => {
        const match = usesLine.exec(line);
        if (!match || match[1].startsWith("./")) return [];
        const [, reference, comment = ""] = match;
        const where = `line ${index + 1}: ${reference}`;
        if (reference.startsWith("docker://")) {
            return /@sha256:[0-9a-f]{64}$/.test(reference) ? [] : [`${where} is not pinned to an image digest`];
        }
        return [
            ...(/^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/.test(reference)
                ? []
                : [`${where} is not pinned to a full commit SHA`]),
            ...(/^#\s*v\d+(?:\.\d+){0,2}\b/.test(comment)
                ? []
                : [`${where} has no "# vX.Y.Z" comment naming its release`]),
        ];
    });
    // Every `uses` the parser sees must have been on a line this rule read.
    const parsed = workflow.jobs.flatMap((job) => [job.calls, ...job.steps.map((step) => step.uses)]).filter(Boolean);
    const read = lines.filter((line) => usesLine.test(line));
    if (parsed.length !== read.length) {
        problems.push(
            `${parsed.length} uses in the workflow but ${read.length} on lines of the form \`uses: ref # version\``,
        );
    }
    return problems;
};

/** A hung job stops on its own instead of after six hours. */
const jobsHaveTimeouts: Rule = (workflow) =>
    workflow.jobs
        .filter((job) => job.calls === undefined && typeof job.definition["timeout-minutes"] !== "number")
        .map((job) => `job ${job.id}: no timeout-minutes`);

/** The policy pack's folder, as `--policy-pack` names it. */
const POLICY_PACK = "policy";
const COMMANDS_THAT_RUN_POLICIES = new Set(["preview", "up", "update"]);

/** Every pulumi preview and up runs the policy pack, which an earlier step of the job installs. */
const previewsAndDeploysRunThePolicyPack: Rule = (workflow) =>
    workflow.jobs.flatMap((job) =>
        stepsUsing(job, PULUMI_ACTION)
            .filter((step) => COMMANDS_THAT_RUN_POLICIES.has(String(step.with.command)))
            .flatMap((step) => {
                const command = String(step.with.command);
                const packs = String(step.with.policyPacks ?? "")
                    .split(/[\n;]/)
                    .map((pack) => pack.trim());
                const installedBefore = job.steps
                    .slice(0, job.steps.indexOf(step))
                    .some((earlier) => /\bnpm ci\b.*--prefix (\S+\/)?policy\b/.test(earlier.run ?? ""));
                return [
                    ...(packs.includes(POLICY_PACK)
                        ? []
                        : [
                              `job ${job.id}: pulumi ${command} without \`policyPacks: ${POLICY_PACK}\`, so no policy is enforced`,
                          ]),
                    ...(installedBefore
                        ? []
                        : [
                              `job ${job.id}: pulumi ${command} runs the policy pack before any \`npm ci --prefix policy\``,
                          ]),
                ];
            }),
    );

const PULUMI_AUTH_ACTION = "pulumi/auth-actions";
const STORED_PULUMI_TOKEN = /\$\{\{\s*secrets(?:\.PULUMI_ACCESS_TOKEN|\[[^\]]*PULUMI_ACCESS_TOKEN[^\]]*\])\s*\}\}/;
const TEAM_TOKEN = "urn:pulumi:token-type:access_token:team";
const STATE_CHANGING_CLI =
    /\bpulumi\s+(?:up|update|destroy|refresh|import|cancel|state\b|stack\s+(?:rm|import|change-secrets-provider|rename))/;

/** Pulumi Cloud credentials are exchanged for the job's OIDC token: no stored, long-lived token anywhere. */
const noStoredPulumiToken: Rule = (workflow) =>
    workflow.jobs
        .filter((job) => STORED_PULUMI_TOKEN.test(JSON.stringify(job.definition)))
        .map(
            (job) =>
                `job ${job.id}: reads secrets.PULUMI_ACCESS_TOKEN; get a short-lived token with ${PULUMI_AUTH_ACTION}`,
        );

/** A pull request's code gets credentials that can change no stack: no state-changing pulumi command, no
 * deploy environment (whose role it could otherwise be trusted by), and only a read-only team's Pulumi token. */
const previewsChangeNothing: Rule = (workflow) => {
    if (!workflow.triggers.includes("pull_request")) return [];
    return workflow.jobs.flatMap((job) => [
        ...(changesPulumiState(job) ? [`job ${job.id}: runs a state-changing pulumi command for a pull request`] : []),
        ...job.steps
            .filter((step) => STATE_CHANGING_CLI.test(step.run ?? ""))
            .map((step) => `job ${job.id}: step "${step.name ?? "?"}" runs a state-changing pulumi command`),
        ...(job.definition.environment !== undefined && stepsUsing(job, AWS_CREDENTIALS_ACTION).length > 0
            ? [`job ${job.id}: takes AWS credentials in an environment, the deploy roles' trust`]
            : []),
        ...stepsUsing(job, PULUMI_AUTH_ACTION)
            .filter((step) => step.with["requested-token-type"] !== TEAM_TOKEN)
            .map(() => `job ${job.id}: ${PULUMI_AUTH_ACTION} must request a read-only team's token (${TEAM_TOKEN})`),
    ]);
};

/** Stacks are created once by bootstrap/init-stacks.sh (a passphrase stack's salt is committed then); a stack a
 * runner creates would lose it. */
const stacksCreatedOnce: Rule = (workflow) =>
    workflow.jobs.flatMap((job) =>
        stepsUsing(job, PULUMI_ACTION)
            .filter((step) => step.with.upsert === true || step.with.upsert === "true")
            .map(
                () =>
                    `job ${job.id}: ${PULUMI_ACTION} with upsert: create the stacks once, with bootstrap/init-stacks.sh`,
            ),
    );

/** The stack's project name and its config keys as declared in Pulumi.yaml, each with its namespace. */
function readStackProject(): { name: string; configKeys: ReadonlySet<string> } {
    const project = load(readFileSync(join(repositoryRoot, "Pulumi.yaml"), "utf8")) as { name: string; config: object };
    const configKeys = Object.keys(project.config).map((key) => (key.includes(":") ? key : `${project.name}:${key}`));
    return { name: project.name, configKeys: new Set(configKeys) };
}

const stackProject = readStackProject();

/** Every stack config key a workflow names is declared in Pulumi.yaml: a misspelt key would be set and never read. */
const stackConfigKeysDeclared: Rule = (workflow) => {
    // Not after a slash or a word: `repo:owner/fargate-service:...` is no config key.
    const projectKey = new RegExp(`(?<![\\w/.-])${stackProject.name}:[A-Za-z][\\w-]*`, "g");
    const named = new Set([...workflow.text.matchAll(projectKey)].map(([key]) => key));
    return [...named]
        .filter((key) => !stackProject.configKeys.has(key))
        .map((key) => `${key} is not a config key of Pulumi.yaml; allowed: the keys declared under its \`config:\``);
};

/**
 * A deploy proves what it shipped: after `pulumi up`, the deploy check runs on that update's own outputs and the
 * commit, so a release that ECS rolled back turns the deploy red.
 */
const deploysProveWhatTheyShipped: Rule = (workflow) =>
    workflow.jobs.flatMap((job) => {
        const upIndex = job.steps.findIndex(
            (step) => step.uses?.split("@")[0] === PULUMI_ACTION && step.with.command === "up",
        );
        if (upIndex < 0) return [];
        const up = job.steps[upIndex];
        const check = job.steps
            .slice(upIndex + 1)
            .find((step) => /\bnpm run --silent deploy-check\b/.test(step.run ?? ""));
        if (check === undefined) {
            return [
                `job ${job.id}: no deploy-check step after pulumi up: a release ECS rolled back would deploy green`,
            ];
        }
        const output = (name: string) => `\${{ steps.${up.id ?? "<pulumi up has no id>"}.outputs.${name} }}`;
        const expected: Record<string, string> = {
            CLUSTER: output("clusterName"),
            SERVICE: output("serviceName"),
            TASK_DEFINITION: output("taskDefinitionArn"),
            URL: output("url"),
            VERSION: "${{ github.sha }}",
        };
        return Object.entries(expected)
            .filter(([name, value]) => check.env[name] !== value)
            .map(([name, value]) => `job ${job.id}: the deploy check's ${name} must be ${value}`);
    });

export const rules: Readonly<Record<string, Rule>> = {
    "no-static-aws-keys": noStaticAwsKeys,
    "aws-through-oidc": awsThroughOidc,
    "least-permissions": leastPermissions,
    "deploys-serialized-per-stack": deploysSerializedPerStack,
    "actions-pinned-to-commits": actionsPinnedToCommits,
    "no-pull-request-target": noPullRequestTarget,
    "secrets-stay-out-of-forks": secretsStayOutOfForks,
    "workflow-run-runs-no-pull-request-code": workflowRunRunsNoPullRequestCode,
    "checkouts-keep-no-credentials": checkoutsKeepNoCredentials,
    "jobs-have-timeouts": jobsHaveTimeouts,
    "stack-config-keys-declared": stackConfigKeysDeclared,
    "previews-and-deploys-run-the-policy-pack": previewsAndDeploysRunThePolicyPack,
    "no-stored-pulumi-token": noStoredPulumiToken,
    "previews-change-nothing": previewsChangeNothing,
    "stacks-created-once": stacksCreatedOnce,
    "deploys-prove-what-they-shipped": deploysProveWhatTheyShipped,
};

export function checkPolicy(workflow: Workflow): Finding[] {
    return Object.entries(rules).flatMap(([check, rule]) =>
        rule(workflow).map((message) => ({ file: workflow.file, check, message })),
    );
}
