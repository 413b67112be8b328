// Rules for configuration values that a type and a range cannot express.
import { isNetworkAddress, isPrivate, parseIpv4Cidr } from "./cidr";
import { describeValues, fargateMemorySizes, listOf } from "./limits";
import { SettingsReader } from "./settingsReader";

/** CI systems whose commit variable stands in for an unset `imageTag`, in the order they are tried. */
const ciCommitVariables: readonly string[] = ["GITHUB_SHA", "CI_COMMIT_SHA"];

export const patterns = {
    gitSha: /^[0-9a-f]{7,40}$/,
    dockerTag: /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
    certificateArn:
        /^arn:aws[a-z-]*:acm:[a-z]{2}(-[a-z]+)+-\d:\d{12}:certificate\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
    healthCheckPath: /^\/[A-Za-z0-9_.~/-]{0,1023}$/,
    /** IAM's path syntax: "/" or "/segments/", printable ASCII. */
    iamPath: /^\/([\x21-\x7e]{1,510}\/)?$/,
    policyArn: /^arn:aws[a-z-]*:iam::\d{12}:policy\/[\w+=,.@/-]{1,512}$/,
} as const;

/** The image tag from config, else from CI; a git SHA or a plain Docker tag, never `latest`. */
export function resolveImageTag(
    r: SettingsReader,
    configured: string,
    env: Readonly<Record<string, string | undefined>>,
): string {
    const ciVariable = ciCommitVariables.find((name) => (env[name] ?? "") !== "");
    const tag = configured !== "" ? configured : ciVariable !== undefined ? (env[ciVariable] ?? "") : "";
    const allowed =
        "allowed: a git commit SHA (7 to 40 lowercase hex digits) or a Docker tag of letters, digits and _ . - " +
        "other than latest";
    if (tag === "") {
        r.problem(
            "imageTag",
            configured,
            `${allowed}; set it with pulumi config set imageTag "$(git rev-parse HEAD)", ` +
                `or run where ${listOf(ciCommitVariables)} is set`,
        );
    } else if (!patterns.gitSha.test(tag) && (!patterns.dockerTag.test(tag) || tag.toLowerCase() === "latest")) {
        r.report(
            "imageTag",
            configured !== ""
                ? `${r.label("imageTag")} is ${JSON.stringify(tag)}; ${allowed}`
                : `${r.label("imageTag")} is not set and ${ciVariable} is ${JSON.stringify(tag)}; ${allowed}`,
        );
    }
    return tag;
}

/** cpu and memory must be a Fargate task size. */
export function checkTaskSize(r: SettingsReader, cpu: number, memory: number): void {
    const memorySizes = fargateMemorySizes(cpu);
    if (!r.failed("cpu", "memory") && memorySizes !== undefined && !memorySizes.includes(memory)) {
        r.problem(
            "memory",
            String(memory),
            `with cpu ${cpu} Fargate allows memory ${describeValues(memorySizes)} (MiB)`,
        );
    }
}

/** minCount <= desiredCount <= maxCount. */
export function checkTaskCounts(r: SettingsReader, desiredCount: number, minCount: number, maxCount: number): void {
    if (r.failed("desiredCount", "minCount", "maxCount")) {
        return;
    }
    if (minCount > maxCount) {
        r.problem("minCount", String(minCount), `allowed: at most maxCount (${maxCount})`);
    } else if (desiredCount < minCount || desiredCount > maxCount) {
        r.problem(
            "desiredCount",
            String(desiredCount),
            `allowed: from minCount (${minCount}) to maxCount (${maxCount}), as minCount <= desiredCount <= maxCount`,
        );
    }
}

/** The dedicated VPC's address block: private, /16 to /24 so that every subnet is at least a /28. */
export function checkVpcCidr(r: SettingsReader, vpcCidr: string): void {
    const cidr = parseIpv4Cidr(vpcCidr);
    if (cidr === undefined || !isNetworkAddress(cidr) || !isPrivate(cidr) || cidr.prefix < 16 || cidr.prefix > 24) {
        r.problem(
            "vpcCidr",
            vpcCidr,
            "allowed: a private IPv4 network (inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) from /16 to /24 " +
                "with no host bits set, e.g. 10.0.0.0/16",
        );
    }
}
