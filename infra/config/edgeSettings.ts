// The edge as configuration decides it: HTTPS on the stack's own domain or with a certificate the user brings, the
// load balancer's access logs, and the web application firewall.
import { SettingsReader } from "./settingsReader";

/** The stack's own name and the Route 53 public hosted zone it lives in, both lower case without a final dot. */
export interface DomainSettings {
    name: string;
    zoneName: string;
}

/**
 * HTTPS on (HTTP then redirects to it): with a certificate the user brought, or with one the stack requests from ACM
 * for its domain. A domain also gets an alias record to the load balancer, and the stack's url names it.
 */
export type HttpsSettings =
    { certificateArn: string; domain?: DomainSettings } | { certificateArn?: undefined; domain: DomainSettings };

/** Where the load balancer's access logs go: a bucket of the stack's own. */
export interface AccessLogSettings {
    /** Log files expire after this many days. */
    retentionDays: number;
    /** true lets `pulumi destroy` delete the bucket with its logs; a protected stack (prod) keeps its records. */
    deleteWithStack: boolean;
}

/** A web ACL on the load balancer: AWS's common rule set and a per-IP rate limit. */
export interface WebAclSettings {
    /** Requests one client IP may send in 5 minutes before the rest are blocked. */
    rateLimit: number;
}

/** ACM's limit for the domain a certificate is requested for (RFC 5280's 64-octet Common Name). */
const requestedDomainMaxLength = 64;
const dnsName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** "App.Example.com." and "app.example.com" are one name. */
function normalized(name: string): string {
    return name.toLowerCase().replace(/\.$/, "");
}

/** domainName and hostedZoneName: both or neither; a name inside the zone; short enough for ACM when it requests. */
export function readDomain(
    r: SettingsReader,
    domainName: string,
    zoneName: string,
    certificateArn: string,
): DomainSettings | undefined {
    const name = normalized(domainName);
    const zone = normalized(zoneName);
    const nameAllowed = "allowed: a DNS name such as app.example.com (letters, digits and -, 253 characters at most)";
    if (name === "" && zone === "") {
        return undefined;
    }
    if (name === "") {
        r.problem(
            "domainName",
            domainName,
            `allowed: a name in the hosted zone ${zone} (${r.label("hostedZoneName")}), or both keys empty`,
        );
    } else if (!dnsName.test(name)) {
        r.problem("domainName", domainName, nameAllowed);
    } else if (certificateArn === "" && name.length > requestedDomainMaxLength) {
        r.problem(
            "domainName",
            domainName,
            `allowed: at most ${requestedDomainMaxLength} characters for a certificate ACM issues (RFC 5280's limit ` +
                `for the Common Name); bring a certificate with ${r.label("certificateArn")} for a longer name`,
        );
    }
    if (zone === "") {
        r.problem(
            "hostedZoneName",
            zoneName,
            `allowed: the Route 53 public hosted zone that holds ${name}, e.g. its parent`,
        );
    } else if (!dnsName.test(zone)) {
        r.problem("hostedZoneName", zoneName, nameAllowed.replace("app.example.com", "example.com"));
    } else if (name !== "" && name !== zone && !name.endsWith(`.${zone}`)) {
        r.problem(
            "domainName",
            domainName,
            `it is not in the hosted zone ${r.label("hostedZoneName")} ${zone}; allowed: ${zone} or a name ending in .${zone}`,
        );
    }
    return r.failed("domainName", "hostedZoneName") ? undefined : { name, zoneName: zone };
}

/** An ALB can only use an ACM certificate of its own region. */
export function checkCertificateRegion(r: SettingsReader, certificateArn: string, region: string | undefined): void {
    const certificateRegion = certificateArn.split(":")[3];
    if (certificateArn !== "" && region !== undefined && certificateRegion !== region && !r.failed("certificateArn")) {
        r.report(
            "certificateArn",
            `${r.label("certificateArn")} is in ${certificateRegion} but the stack deploys to ${region} (\`aws:region\`); ` +
                `allowed: an ACM certificate in ${region}, as a load balancer uses certificates of its own region only`,
        );
    }
}

/** A stack that protects itself from deletion (prod) serves the internet over HTTPS only. */
export function checkProductionHttps(
    r: SettingsReader,
    deletionProtection: boolean,
    https: HttpsSettings | undefined,
): void {
    if (
        deletionProtection &&
        https === undefined &&
        !r.failed("deletionProtection", "domainName", "hostedZoneName", "certificateArn")
    ) {
        r.report(
            "domainName",
            `${r.label("domainName")} and ${r.label("certificateArn")} are both empty, but a stack with ` +
                `${r.label("deletionProtection")} true must serve HTTPS; set domainName and hostedZoneName ` +
                "(or certificateArn), or deletionProtection false for a plain-HTTP stack such as dev",
        );
    }
}

/** HTTPS when there is a certificate or a domain to request one for. */
export function httpsSettings(certificateArn: string, domain: DomainSettings | undefined): HttpsSettings | undefined {
    if (certificateArn !== "") {
        return domain === undefined ? { certificateArn } : { certificateArn, domain };
    }
    return domain === undefined ? undefined : { domain };
}
