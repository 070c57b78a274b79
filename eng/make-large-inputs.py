#!/usr/bin/env python3
"""Writes the large, realistic input files docs/performance.md measures `kam` on (see eng/make-large-inputs.sh).

Deterministic (fixed seed): the same sizes give the same bytes. The shapes follow the demo's sample generator
(src/Kam.Cli/Demo/Sample/SampleGenerator.cs): heavy-tailed account revenue, opportunities moving through the
eight stages with some stuck, skipped, lost or abandoned, BG/NBD-shaped repeat purchases with customers dropping
out, deals with instalment collections. Files are streamed to disk (no size limit but disk).

usage: make-large-inputs.py OUTDIR PLAYBOOK_JSON [--accounts N] [--events N] [--opportunities N]
                            [--transactions N] [--customers N] [--deals N] [--collections N] [--salespeople N]
"""
import argparse
import datetime as dt
import json
import math
import os
import random
import sys

REGIONS = ["Huabei", "Huadong", "Huanan", "Xibei", "Xinan", "Dongbei", "Huazhong", "Bohai", "Lingnan", "Jiangnan"]
INDUSTRIES = ["Steel", "Automotive", "Energy", "Chemicals", "Shipbuilding", "Logistics", "Machinery", "Electronics",
              "Food", "Pharma", "Textiles", "Construction"]
SUFFIXES = ["Group", "Co.", "Corp.", "Holdings", "Industries", "Works"]
LOSS_REASONS = ["price", "competitor relationship", "technical fit", "budget cut", "project cancelled"]
AS_OF = dt.date(2026, 6, 30)


def required_keys(playbook_path):
    """The required milestone and success-criterion keys of each of the eight stages, from a playbook file."""
    with open(playbook_path, encoding="utf-8") as f:
        text = "\n".join(line for line in f if not line.lstrip().startswith("//"))
    stages = json.loads(text)["stages"]
    milestones = [[i["key"] for i in s.get("milestones", []) if i.get("required", True)] for s in stages]
    successes = [[i["key"] for i in s.get("successCriteria", []) if i.get("required", True)] for s in stages]
    return milestones, successes


def lognormal(r, median, sigma):
    return median * math.exp(sigma * r.gauss(0, 1))


def accounts(path, r, count):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("account_id,name,industry,currency,revenue,gross_profit,cost_to_serve,discounts,first_order,last_order,"
                "orders,credit_ok,relationship_stage,collaboration,contact_breadth,strategic_investment,"
                "first_choice_supplier,alliance,joint_ventures,global_needs\n")
        out = []
        for i in range(1, count + 1):
            revenue = round(lognormal(r, 1_200_000, 1.25) / 1000) * 1000
            size = min(1.0, max(0.0, math.log10(max(revenue, 1) / 1_000_000) / 2))
            margin = r.uniform(0.18, 0.36) - 0.1 * size
            industry = r.choice(INDUSTRIES)
            stage = min(5, max(1, round(1 + size * 3 + r.gauss(0, 1))))
            first = AS_OF - dt.timedelta(days=r.randrange(200, 16 * 365))
            last = max(first, AS_OF - dt.timedelta(days=int(min(r.expovariate(1 / 45), 400))))
            orders = max(1, round(lognormal(r, 4 + 20 * size, 0.5)))
            yn = lambda p: "yes" if r.random() < p else "no"
            honeywell = [yn(0.2 * stage), yn(0.15 * stage), yn(0.1 * stage), yn(0.06 * stage), yn(0.3)] if stage >= 3 else [""] * 5
            out.append(",".join([
                f"A{i:07d}", f"{r.choice(REGIONS)} {industry} {r.choice(SUFFIXES)}", industry, "CNY",
                str(revenue), str(round(revenue * margin)),
                str(round(revenue * r.uniform(0.03, 0.12) + r.uniform(20_000, 120_000))),
                str(round(revenue * (0.01 + 0.06 * size) * r.uniform(0.5, 1.5))),
                first.isoformat(), last.isoformat(), str(orders), yn(0.9), str(stage),
                str(min(5, max(1, stage + r.randrange(-1, 2)))), str(min(5, max(1, stage + r.randrange(-1, 1)))),
                *honeywell]))
            if len(out) >= 10_000:
                f.write("\n".join(out) + "\n")
                out.clear()
        if out:
            f.write("\n".join(out) + "\n")


def events(path, r, target_events, opportunities, accounts_count, salespeople, milestones, successes):
    """Opportunities until about target_events events are written; opportunities is the expected count (sets the mix)."""
    advance = [0.92, 0.9, 0.88, 0.88, 0.85, 0.85, 0.9, 0.97]
    end = dt.datetime(2026, 6, 30, 18, 0, tzinfo=dt.timezone.utc)
    written = 0
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("opportunity_id,account_id,owner,value,currency,expected_close,at,kind,stage,item,person,reason\n")
        while written < target_events:
            n += 1
            owner = f"S{r.randrange(1, salespeople + 1):04d}"
            account = f"A{r.randrange(1, accounts_count + 1):07d}"
            start = end - dt.timedelta(days=r.uniform(30, 720))
            value = round(lognormal(r, 600_000, 0.9) / 1000) * 1000
            rows = []
            at = [start]
            pace = r.uniform(4, 20)

            def add(kind, stage, item, reason=""):
                at[0] = at[0] + dt.timedelta(hours=r.expovariate(1 / (pace * 24)) + 1)
                if at[0] > end:
                    return False
                rows.append((at[0], kind, stage, item, reason))
                return True

            def history():
                for stage in range(1, 9):
                    skip = 2 < stage < 7 and r.random() < 0.04
                    if not skip:
                        for item in milestones[stage - 1]:
                            if not add("milestone", stage, item):
                                return
                    bump = 2 if r.random() < 0.12 else 1 if r.random() < 0.3 else 0
                    if not add("procurement", min(8, stage + bump), ""):
                        return
                    if r.random() >= advance[stage - 1]:
                        roll = r.random()
                        if roll < 0.45:
                            add("lost", None, "", r.choice(LOSS_REASONS))
                        elif roll < 0.65:
                            add("abandoned", None, "", "low chance of winning")
                        return
                    if not skip:
                        for item in successes[stage - 1]:
                            if not add("success", stage, item):
                                return
                add("won", None, "")

            history()
            if not rows:
                rows.append((start, "milestone", 1, milestones[0][0], ""))
            expected = (rows[0][0].date() + dt.timedelta(days=r.randrange(90, 360))).isoformat()
            head = f"OP-{n:06d},{account},{owner},{value},CNY,{expected},"
            f.write("".join(
                f"{head}{t.strftime('%Y-%m-%dT%H:%M:%SZ')},{kind},{'' if stage is None else stage},{item},{owner},{reason}\n"
                for t, kind, stage, item, reason in rows))
            written += len(rows)
    return n, written


def transactions(path, r, customers, target):
    """BG/NBD-shaped purchases of `customers` customers over two years, about `target` in all."""
    start = AS_OF - dt.timedelta(days=2 * 365 - 1)
    days = (AS_OF - start).days + 1
    per_customer = target / customers
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("customer_id,date,amount,currency\n")
        out = []
        for c in range(1, customers + 1):
            rate = max(0.5, r.gammavariate(1.6, per_customer / 1.6 * 1.08))  # purchases per year while active
            dropout = r.uniform(0.01, 0.12)
            spend = 60_000 * math.pow(lognormal(r, 1, 1.0), 0.4)
            joined = r.randrange(0, days - 30) if r.random() < 0.25 else 0
            day = joined + int(r.expovariate(rate / 365))
            while day < days:
                out.append(f"C{c:06d},{(start + dt.timedelta(days=day)).isoformat()},{max(1, round(lognormal(r, spend, 0.45)))},CNY")
                written += 1
                if r.random() < dropout:
                    break
                day += 1 + int(r.expovariate(rate / 365))
            if len(out) >= 10_000:
                f.write("\n".join(out) + "\n")
                out.clear()
        if out:
            f.write("\n".join(out) + "\n")
    return written


def pay(folder, r, deals, collections, salespeople, accounts_count):
    """deals.csv, collections.csv (about `collections` receipts in all) and people.csv of `salespeople` people."""
    fy_start = dt.date(2026, 1, 1)
    per_deal = collections / deals
    collected = 0
    with open(os.path.join(folder, "deals.csv"), "w", encoding="utf-8", newline="\n") as d, \
            open(os.path.join(folder, "collections.csv"), "w", encoding="utf-8", newline="\n") as c:
        d.write("deal_id,salesperson,account_id,opportunity_id,booked_on,amount,currency,gross_margin\n")
        c.write("deal_id,collected_on,amount,currency\n")
        for i in range(1, deals + 1):
            deal = f"D-{i:07d}"
            booked = fy_start + dt.timedelta(days=int((i - 1) * 120 / deals))  # in time order over 2026-01..04
            amount = round(lognormal(r, 180_000, 0.8) / 100) * 100
            opp = f"OP-{r.randrange(1, 50_001):06d}" if r.random() < 0.3 else ""
            d.write(f"{deal},S{r.randrange(1, salespeople + 1):04d},A{r.randrange(1, accounts_count + 1):07d},{opp},"
                    f"{booked.isoformat()},{amount},CNY,{round(r.uniform(12, 40), 1)}%\n")
            instalments = max(1, min(12, round(r.uniform(0.5, 2 * per_deal * 1.12 - 0.5))))
            part = amount // instalments
            day = booked
            for k in range(instalments):
                day = day + dt.timedelta(days=r.randrange(5, 20))
                if day > AS_OF or r.random() < 0.02:
                    break
                value = part if k < instalments - 1 else amount - part * (instalments - 1)
                c.write(f"{deal},{day.isoformat()},{value},CNY\n")
                collected += 1
    grades = "ABBC"
    with open(os.path.join(folder, "people.csv"), "w", encoding="utf-8", newline="\n") as p:
        p.write("person,annual_quota,monthly_grades,annual_grade\n")
        for s in range(1, salespeople + 1):
            monthly = " ".join(r.choice(grades) for _ in range(12))
            p.write(f"S{s:04d},{round(r.uniform(60, 200)) * 1_000_000},{monthly},{r.choice(grades)}\n")
    return collected


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("playbook")
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--opportunities", type=int, default=50_000)
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--deals", type=int, default=200_000)
    parser.add_argument("--collections", type=int, default=1_000_000)
    parser.add_argument("--salespeople", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20260630)
    a = parser.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    milestones, successes = required_keys(a.playbook)
    accounts(os.path.join(a.outdir, "accounts.csv"), random.Random(a.seed), a.accounts)
    print(f"accounts.csv: {a.accounts} accounts", file=sys.stderr)
    n, e = events(os.path.join(a.outdir, "events.csv"), random.Random(a.seed + 1), a.events, a.opportunities,
                  min(a.accounts, 100_000), a.salespeople, milestones, successes)
    print(f"events.csv: {e} events of {n} opportunities", file=sys.stderr)
    t = transactions(os.path.join(a.outdir, "transactions.csv"), random.Random(a.seed + 2), a.customers, a.transactions)
    print(f"transactions.csv: {t} transactions of {a.customers} customers", file=sys.stderr)
    c = pay(a.outdir, random.Random(a.seed + 3), a.deals, a.collections, a.salespeople, min(a.accounts, 100_000))
    print(f"deals.csv: {a.deals} deals; collections.csv: {c} collections; people.csv: {a.salespeople} people", file=sys.stderr)


if __name__ == "__main__":
    main()
