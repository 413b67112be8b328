// What the other services the stack uses cost: ECR storage, S3 storage, Route 53, AWS WAF, CloudWatch alarms
// (declared ones and those target tracking creates), ACM certificates, SSM parameters and Secrets Manager secrets.
import { resourceTypes as t } from "../../resourceTypes";
import { SnapshotResource } from "../model/snapshot";
import { pricedTypes as p } from "./billedTypes";
import { CostLine, fixed, LineSpec, pricedLine } from "./costLine";
import { at, listAt, numberAt, textAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { Usage } from "./taskCosts";

type Spec = Omit<LineSpec, "resource" | "count" | "noun"> & { count?: number; noun: string };

/** One line for one resource: `count` things (default 1) named by `noun`. */
function line(resource: SnapshotResource, spec: Spec, table: PriceTable): CostLine {
    const count = spec.count ?? 1;
    return pricedLine(
        { ...spec, resource: resource.name, count: fixed(count), noun: { one: spec.noun, many: `${spec.noun}s` } },
        table,
    );
}

export function storageLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const repositories = facts.ofType(t.repository).map((repository) =>
        line(
            repository,
            {
                key: `ecr-storage:${repository.name}`,
                what: "ECR image storage",
                noun: "repository",
                quantity: fixed(usage.imageStorageGb),
                basis: `${usage.imageStorageGb} GB stored`,
                price: "ecrStorageGbMonth",
            },
            table,
        ),
    );
    const buckets = [...facts.ofType(p.bucket), ...facts.ofType(p.bucketV2)].map((bucket) =>
        line(
            bucket,
            {
                key: `s3-storage:${bucket.name}`,
                what: "S3 Standard storage",
                noun: "bucket",
                quantity: fixed(usage.s3StorageGbPerBucket),
                basis: `${usage.s3StorageGbPerBucket} GB stored`,
                price: "s3StandardGbMonth",
            },
            table,
        ),
    );
    return [...repositories, ...buckets];
}

/**
 * A hosted zone the stack creates bills monthly; one it only looks up (aws:route53/getZone) is billed whether or not
 * the stack exists, so it is not the stack's cost. Queries to alias records of AWS resources are free; other
 * records' queries would bill at the standard query rate.
 */
export function dnsLines(facts: StackFacts, table: PriceTable): CostLine[] {
    const zones = facts.ofType(p.route53Zone).map((zone) =>
        line(
            zone,
            {
                key: `route53-zone:${zone.name}`,
                what: "Route 53 hosted zone",
                noun: "hosted zone",
                quantity: fixed(1),
                basis: "1 zone",
                price: "route53HostedZoneMonth",
            },
            table,
        ),
    );
    const records = facts.ofType(p.route53Record).map((record) => {
        const alias = listAt(record.inputs, "aliases").length > 0;
        return line(
            record,
            {
                key: `route53-queries:${record.name}`,
                what: alias ? "Route 53 queries to an alias record (free)" : "Route 53 standard queries",
                noun: "record",
                quantity: fixed(0),
                basis: alias ? "alias to an AWS resource" : "query volume not assumed",
                price: alias ? "route53AliasQueries" : "route53StandardQueriesMillion",
            },
            table,
        );
    });
    return [...zones, ...records];
}

/** A web ACL bills a month per ACL, a month per rule (a rule group counts as one rule), and per million requests. */
export function wafLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const requests = (usage.requestsPerSecond * 3600 * usage.hoursPerMonth) / 1e6;
    return facts.ofType(p.webAcl).flatMap((acl) => {
        const rules = listAt(acl.inputs, "rules").length;
        return [
            line(
                acl,
                {
                    key: `waf-acl:${acl.name}`,
                    what: "AWS WAF web ACL",
                    noun: "web ACL",
                    quantity: fixed(1),
                    basis: "1 web ACL",
                    price: "wafWebAclMonth",
                },
                table,
            ),
            line(
                acl,
                {
                    key: `waf-rules:${acl.name}`,
                    what: "AWS WAF rules",
                    noun: "rule",
                    count: rules,
                    quantity: fixed(rules),
                    basis: `${rules} rules`,
                    price: "wafRuleMonth",
                },
                table,
            ),
            line(
                acl,
                {
                    key: `waf-requests:${acl.name}`,
                    what: "AWS WAF requests inspected",
                    noun: "web ACL",
                    quantity: fixed(requests),
                    basis: `${usage.requestsPerSecond} requests/s x 3,600 s x ${usage.hoursPerMonth} h / 1,000,000`,
                    price: "wafRequestsMillion",
                },
                table,
            ),
        ];
    });
}

/**
 * Declared alarms (under 60 s periods are high-resolution), and the alarms a target tracking policy makes
 * Application Auto Scaling create and manage (AWS Application Auto Scaling User Guide, "Target tracking scaling
 * policies"): two per policy, the high and the low alarm; one when scale-in is disabled. The stored guide says the
 * service creates them but not how many: two is how they appear in an account (AlarmHigh, AlarmLow).
 */
export function alarmLines(facts: StackFacts, table: PriceTable): CostLine[] {
    const declared = facts.ofType(p.metricAlarm);
    const highResolution = declared.filter((alarm) => (numberAt(alarm.inputs, "period") ?? 60) < 60);
    const standard = declared.length - highResolution.length;
    const policies = facts
        .ofType(t.scalingPolicy)
        .filter((policy) => textAt(policy.inputs, "policyType") === "TargetTrackingScaling");
    const managed = policies.reduce((sum, policy) => {
        const scaleIn = at(policy.inputs, "targetTrackingScalingPolicyConfiguration", "disableScaleIn") !== true;
        return sum + (scaleIn ? 2 : 1);
    }, 0);
    const lines: CostLine[] = [];
    const group = (
        key: string,
        what: string,
        count: number,
        price: "alarmMonth" | "highResolutionAlarmMonth",
        names: SnapshotResource[],
    ) =>
        pricedLine(
            {
                key,
                what,
                resource: names.map((resource) => resource.name).join(", "),
                count: fixed(count),
                noun: { one: "alarm", many: "alarms" },
                quantity: fixed(count),
                basis: `${count} alarms`,
                price,
            },
            table,
        );
    if (standard > 0) {
        lines.push(
            group(
                "alarms",
                "CloudWatch alarms",
                standard,
                "alarmMonth",
                declared.filter((a) => !highResolution.includes(a)),
            ),
        );
    }
    if (highResolution.length > 0) {
        lines.push(
            group(
                "alarms-high-resolution",
                "CloudWatch high-resolution alarms",
                highResolution.length,
                "highResolutionAlarmMonth",
                highResolution,
            ),
        );
    }
    if (managed > 0) {
        lines.push(
            group(
                "alarms-target-tracking",
                "CloudWatch alarms of target tracking scaling",
                managed,
                "alarmMonth",
                policies,
            ),
        );
    }
    return lines;
}

/** Public ACM certificates and standard SSM parameters are free; secrets bill a month each. */
export function secretLines(facts: StackFacts, table: PriceTable): CostLine[] {
    const certificates = facts.ofType(p.certificate).map((certificate) =>
        line(
            certificate,
            {
                key: `acm:${certificate.name}`,
                what: "ACM public certificate (free)",
                noun: "certificate",
                quantity: fixed(1),
                basis: "1 certificate",
                price: "acmPublicCertificate",
            },
            table,
        ),
    );
    const parameters = facts.ofType(p.ssmParameter).map((parameter) => {
        const advanced = textAt(parameter.inputs, "tier") === "Advanced";
        return line(
            parameter,
            {
                key: `ssm:${parameter.name}`,
                what: advanced ? "SSM advanced parameter" : "SSM standard parameter (free)",
                noun: "parameter",
                quantity: fixed(1),
                basis: "1 parameter",
                price: advanced ? "ssmAdvancedParameterMonth" : "ssmStandardParameter",
            },
            table,
        );
    });
    const secrets = facts.ofType(p.secret).map((secret) =>
        line(
            secret,
            {
                key: `secret:${secret.name}`,
                what: "Secrets Manager secret",
                noun: "secret",
                quantity: fixed(1),
                basis: "1 secret",
                price: "secretsManagerSecretMonth",
            },
            table,
        ),
    );
    return [...certificates, ...parameters, ...secrets];
}
