// The stack's own name in DNS: the hosted zone that holds it, and the alias record that points it at the load balancer.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DomainRecordsArgs {
    domainName: pulumi.Input<string>;
    zoneId: pulumi.Input<string>;
    /** The load balancer's DNS name and its canonical hosted zone, as an alias target names them. */
    loadBalancerDnsName: pulumi.Input<string>;
    loadBalancerZoneId: pulumi.Input<string>;
}

/**
 * The ID of the public hosted zone `zoneName`: public, because ACM and every client on the internet must resolve the
 * records in it. Fails (on preview) when the account has no such zone.
 */
export function publicZoneId(zoneName: string, parent: pulumi.Resource): pulumi.Output<string> {
    return aws.route53.getZoneOutput({ name: zoneName, privateZone: false }, { parent }).zoneId;
}

export class DomainRecords extends pulumi.ComponentResource {
    /** The name as Route 53 serves it. */
    public readonly fqdn: pulumi.Output<string>;

    constructor(name: string, args: DomainRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:DomainRecords", name, {}, opts);

        // An A alias: Route 53 answers with the load balancer's current addresses (which change) and charges nothing
        // for the queries. IPv4 only, as the load balancer is: an AAAA alias would answer no address at all.
        const alias = new aws.route53.Record(
            `${name}-a`,
            {
                zoneId: args.zoneId,
                name: args.domainName,
                type: "A",
                aliases: [
                    {
                        name: args.loadBalancerDnsName,
                        zoneId: args.loadBalancerZoneId,
                        // Route 53 stops answering with a load balancer node whose zone has no healthy target.
                        evaluateTargetHealth: true,
                    },
                ],
            },
            { parent: this },
        );

        this.fqdn = alias.fqdn;
        this.registerOutputs({ fqdn: this.fqdn });
    }
}
