// The edge as a reviewer asks about it: how clients reach the service (HTTPS, the certificate, DNS), what the load
// balancer records and sheds, and which variables the container reads from which secret. No value is ever shown.
import { webAclRuleCount } from "../../../infra/loadBalancer/webFirewall";
import { StackModel } from "../model/stackModel";
import { expandJsonStrings } from "../model/properties";
import { resourceTypes as t } from "../../resourceTypes";
import type { PlanSection } from "./sections";

type Inputs = Record<string, any>;

/** One heading of the section and its lines, the same for the terminal and for Markdown. */
interface Topic {
    title: string;
    lines: string[];
}

function inputsOf(stack: StackModel, type: string): Inputs[] {
    return stack.ofType(type).map((resource) => expandJsonStrings(resource.inputs) as Inputs);
}

function https(stack: StackModel): Topic {
    const listeners = inputsOf(stack, t.listener);
    const secure = listeners.find((listener) => listener.protocol === "HTTPS");
    const plain = listeners.find((listener) => listener.port === 80);
    if (secure === undefined) {
        return {
            title: "HTTPS",
            lines: ["off: plain HTTP on port 80 only (a stack with deletion protection refuses this)"],
        };
    }
    const issued = stack.referenced(secure.certificateArn);
    const certificate =
        issued?.type === t.certificate
            ? `issued by ACM for ${String(issued.inputs.domainName)}, validated by DNS`
            : `${String(secure.certificateArn)}, brought by the stack's configuration`;
    const redirect = (plain?.defaultActions as Inputs[] | undefined)?.find((action) => action.type === "redirect");
    const aliases = inputsOf(stack, t.dnsRecord).filter((record) => record.aliases !== undefined);
    return {
        title: "HTTPS",
        lines: [
            `port 443, TLS policy ${String(secure.sslPolicy)}; certificate ${certificate}`,
            redirect === undefined
                ? "port 80 still serves plain HTTP"
                : `port 80 redirects to ${redirect.redirect?.protocol} ${redirect.redirect?.port} (${redirect.redirect?.statusCode})`,
            ...(aliases.length === 0
                ? ["no DNS record: clients use the load balancer's DNS name, which the certificate may not name"]
                : aliases.map(
                      (record) =>
                          `${record.name}: ${record.type} alias to ${(record.aliases as Inputs[]).map((a) => stack.label(a.name)).join(", ")}`,
                  )),
        ],
    };
}

function accessLogs(stack: StackModel): Topic {
    const alb = inputsOf(stack, t.loadBalancer)[0] ?? {};
    const bucket = stack.ofType(t.bucket)[0];
    if (alb.accessLogs?.enabled !== true || bucket === undefined) {
        return { title: "Access logs", lines: ["off"] };
    }
    const days = inputsOf(stack, t.bucketLifecycle)[0]?.rules?.[0]?.expiration?.days;
    const statements = (inputsOf(stack, t.bucketPolicy)[0]?.policy?.Statement ?? []) as Inputs[];
    const writers = statements
        .filter((statement) => statement.Effect === "Allow")
        .map((statement) => Object.values(statement.Principal ?? {}).join(", "));
    const block = inputsOf(stack, t.bucketPublicAccessBlock)[0] ?? {};
    const blocked = [
        block.blockPublicAcls,
        block.blockPublicPolicy,
        block.ignorePublicAcls,
        block.restrictPublicBuckets,
    ];
    const encryption = inputsOf(stack, t.bucketEncryption)[0]?.rules?.[0]?.applyServerSideEncryptionByDefault;
    const tlsOnly = statements.some(
        (statement) => statement.Effect === "Deny" && statement.Condition?.Bool?.["aws:SecureTransport"] === "false",
    );
    return {
        title: "Access logs",
        lines: [
            `to ${bucket.name} under ${String(alb.accessLogs.prefix)}/, kept ${days ?? "forever"} days, ` +
                `${bucket.inputs.forceDestroy === true ? "deleted with the stack" : "kept when the stack is destroyed"}`,
            [
                `written only by ${writers.join(", ") || "nobody"}`,
                `encryption ${encryption?.sseAlgorithm ?? "default"}`,
                blocked.every((on) => on === true) ? "public access blocked" : "public access NOT fully blocked",
                `ownership ${String(inputsOf(stack, t.bucketOwnershipControls)[0]?.rule?.objectOwnership ?? "default")}`,
                tlsOnly ? "TLS required" : "plain HTTP allowed",
            ].join("; "),
        ],
    };
}

function webAcl(stack: StackModel): Topic {
    const acl = inputsOf(stack, t.webAcl)[0];
    const billing = "billed per web ACL-month, per rule-month and per million requests inspected (docs/https.md)";
    if (acl === undefined) {
        return {
            title: "Web ACL",
            lines: [
                `off; \`${stack.snapshot.project}:waf\` true adds 1 web ACL with ${webAclRuleCount} rules ` +
                    `(a per-IP rate limit and AWS's common rule set), ${billing}`,
            ],
        };
    }
    const guarded = inputsOf(stack, t.webAclAssociation).map((association) => stack.label(association.resourceArn));
    return {
        title: "Web ACL",
        lines: [
            `guards ${guarded.join(", ")} with ${(acl.rules as Inputs[]).length} rules, ${billing}`,
            ...(acl.rules as Inputs[]).map((rule) =>
                rule.statement?.rateBasedStatement !== undefined
                    ? `blocks a client IP above ${rule.statement.rateBasedStatement.limit} requests in ${rule.statement.rateBasedStatement.evaluationWindowSec} s`
                    : `then ${rule.statement?.managedRuleGroupStatement?.vendorName} ${rule.statement?.managedRuleGroupStatement?.name}`,
            ),
        ],
    };
}

function secrets(stack: StackModel): Topic {
    const task = inputsOf(stack, t.taskDefinition)[0];
    const entries = (task?.containerDefinitions?.[0]?.secrets ?? []) as Inputs[];
    if (entries.length === 0) {
        return { title: "Secrets (values never shown)", lines: ["none: the container reads no secret"] };
    }
    return {
        title: "Secrets (values never shown)",
        lines: entries.map((entry) => {
            const owned = stack.referenced(entry.valueFrom);
            const source =
                owned?.type === t.ssmParameter
                    ? `SSM SecureString ${String(owned.inputs.name)}, owned by the stack (value ${String(owned.inputs.value)})`
                    : String(entry.valueFrom).includes(":secretsmanager:")
                      ? `Secrets Manager ${String(entry.valueFrom)}`
                      : `SSM parameter ${String(entry.valueFrom)}`;
            return `${entry.name} ← ${source}`;
        }),
    };
}

function topics(stack: StackModel): Topic[] {
    return [https(stack), accessLogs(stack), webAcl(stack), secrets(stack)];
}

export const edgeSection: PlanSection = {
    title: "Edge: HTTPS, access logs, web ACL and secrets",
    terminal(stack: StackModel): string[] {
        return topics(stack).flatMap((topic) => [`  ${topic.title}`, ...topic.lines.map((line) => `    ${line}`)]);
    },
    markdown(stack: StackModel): string[] {
        return topics(stack).flatMap((topic) => [`- ${topic.title}:`, ...topic.lines.map((line) => `  - ${line}`)]);
    },
};
