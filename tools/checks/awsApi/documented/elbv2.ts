// Load balancing rules stated only in AWS's documentation.
import { resourceTypes as t } from "../../../resourceTypes";
import { DocumentedRule, inputRule } from "../documentedRule";
import { elbNameRules } from "./names";

const api = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference";
const healthChecks =
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html";

export const elbv2Rules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    [t.targetGroup]: [
        ...elbNameRules(`${api}/API_CreateTargetGroup.html`),
        inputRule(
            "healthCheck.timeout",
            "the health check timeout must be smaller than its interval",
            healthChecks,
            (timeout, inputs) => {
                const interval = (inputs.healthCheck as { interval?: number }).interval ?? 30;
                return (timeout as number) >= interval && `interval ${interval}`;
            },
        ),
        inputRule(
            "healthCheck.matcher",
            "HTTP codes from 200 to 499, as a list (200,202) or a range (200-299)",
            `${api}/API_Matcher.html`,
            (matcher) =>
                !String(matcher)
                    .split(",")
                    .every((part) => {
                        const codes = part.split("-").map(Number);
                        return (
                            codes.length <= 2 &&
                            codes.every((code) => Number.isInteger(code) && code >= 200 && code <= 499)
                        );
                    }),
        ),
        inputRule(
            "healthCheck.port",
            '"traffic-port" or a port from 1 to 65535',
            `${api}/API_CreateTargetGroup.html`,
            (port) =>
                port !== "traffic-port" && !(Number(port) >= 1 && Number(port) <= 65535 && /^\d+$/.test(String(port))),
        ),
        inputRule(
            "deregistrationDelay",
            "from 0 to 3600 seconds",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay",
            (delay) => !(Number.isInteger(delay) && (delay as number) >= 0 && (delay as number) <= 3600),
        ),
    ],
    [t.loadBalancer]: [
        ...elbNameRules(`${api}/API_CreateLoadBalancer.html`),
        inputRule("name", 'must not begin with "internal-"', `${api}/API_CreateLoadBalancer.html`, (name) =>
            String(name).startsWith("internal-"),
        ),
        inputRule(
            "idleTimeout",
            "from 1 to 4000 seconds",
            `${api}/API_LoadBalancerAttribute.html`,
            (timeout) => !(Number.isInteger(timeout) && (timeout as number) >= 1 && (timeout as number) <= 4000),
        ),
    ],
    [t.listener]: [
        inputRule(
            "protocol",
            "an HTTPS listener needs exactly one default certificate",
            `${api}/API_CreateListener.html`,
            (protocol, inputs) => protocol === "HTTPS" && inputs.certificateArn === undefined,
        ),
        inputRule(
            "sslPolicy",
            "a security policy only for HTTPS (and TLS) listeners",
            `${api}/API_CreateListener.html`,
            (_policy, inputs) => inputs.protocol === "HTTP",
        ),
    ],
};
