// What the edge in front of the load balancer costs: Route 53 zones and queries, and AWS WAF.
import { pricedTypes as p } from "./billedTypes";
import { CostLine, fixed, resourceLine } from "./costLine";
import { listAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { Usage } from "./taskCosts";

/**
 * A hosted zone the stack creates bills monthly; one it only looks up (aws:route53/getZone) is billed whether or not
 * the stack exists, so it is not the stack's cost. Queries to alias records of AWS resources are free; other
 * records' queries would bill at the standard query rate.
 */
export function dnsLines(facts: StackFacts, table: PriceTable): CostLine[] {
    const zones = facts.ofType(p.route53Zone).map((zone) =>
        resourceLine(
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
        return resourceLine(
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
            resourceLine(
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
            resourceLine(
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
            resourceLine(
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
