// Amounts and quantities as a reader checks them: dollars to the cent, unit prices to the table's last digit,
// quantities with thousands separators, ranges as "low to high".
import { Range } from "./costLine";

const dollarFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const quantityFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** "$1,234.50"; negative amounts as "-$3.20". */
export function dollars(amount: number): string {
    return `${amount < 0 ? "-" : ""}$${dollarFormat.format(Math.abs(amount))}`;
}

/** "+$33.30", "-$3.20", "+$0.00". */
export function signedDollars(amount: number): string {
    return amount < 0 ? dollars(amount) : `+${dollars(amount)}`;
}

/** A unit price with every digit the table gives: "$0.004445". */
export function unitPrice(usd: number): string {
    const [whole, fraction = ""] = usd.toString().split(".");
    return `$${whole}.${fraction.padEnd(2, "0")}`;
}

export function quantity(value: number): string {
    return quantityFormat.format(value);
}

export function range(value: Range, format: (n: number) => string): string {
    return value.low === value.high ? format(value.low) : `${format(value.low)} to ${format(value.high)}`;
}

/** "vCPU-hour" counted: "vCPU-hours"; "GB ingested" and "million requests" read the same either way. */
export function unitPlural(per: string): string {
    if (per === "query") {
        return "queries";
    }
    const counted = /^(.*-(?:hour|month))( stored)?$/.exec(per);
    if (counted !== null) {
        return `${counted[1]}s${counted[2] ?? ""}`;
    }
    return /^(certificate|parameter|endpoint|GB)$/.test(per) ? (per === "GB" ? per : `${per}s`) : per;
}
