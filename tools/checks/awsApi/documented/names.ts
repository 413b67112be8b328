// Naming rules AWS states in its API reference but not in the model's shapes.
import { DocumentedRule, inputRule } from "../documentedRule";

/** ELB's rules for target group and load balancer names (API reference, CreateTargetGroup/CreateLoadBalancer Name). */
export function elbNameRules(source: string): DocumentedRule[] {
    const name = (broken: (text: string) => boolean, rule: string) =>
        inputRule("name", rule, source, (value) => broken(String(value)));
    return [
        name(
            (text) => text.length > 32,
            // pulumi-aws auto-names target groups with tfbridge.AutoName("name", 32, "-") (provider/aliases.go),
            // which refuses a logical name over 24 characters before AWS is called; load balancers get the
            // default 255 (provider/autonaming.go), so AWS is the first to refuse theirs.
            "at most 32 characters",
        ),
        name((text) => !/^[A-Za-z0-9-]*$/.test(text), "only letters, digits and hyphens"),
        name((text) => text.startsWith("-") || text.endsWith("-"), "must not begin or end with a hyphen"),
    ];
}

/** ECS's rule for cluster, service, family and container names (API reference of each). */
export function ecsNameRule(input: string, source: string): DocumentedRule {
    return inputRule(
        input,
        "up to 255 letters, digits, underscores and hyphens",
        source,
        (value) => !/^[A-Za-z0-9_-]{1,255}$/.test(String(value)),
    );
}
