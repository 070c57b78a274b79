using System.Globalization;
using System.Runtime.InteropServices;
using Kam.Core.Accounts.Targets;

namespace Kam.Core.Accounts.Attainment;

/// <summary>Targets of one measure per node (account or unit) and period slot (0 = year, 1-4 quarters, 5-16 months).</summary>
internal sealed class TargetTable(int nodes)
{
    public decimal[] Value { get; } = new decimal[nodes * 17];

    public bool[] Has { get; } = new bool[nodes * 17];

    public decimal? Get(int node, int slot) => Has[(node * 17) + slot] ? Value[(node * 17) + slot] : null;

    public void Set(int node, int slot, decimal value)
    {
        Value[(node * 17) + slot] = value;
        Has[(node * 17) + slot] = true;
    }

    /// <summary>Fills a missing quarter from its three months and a missing year from its four quarters, where all are present.</summary>
    public void Complete()
    {
        var value = Value;
        var has = Has;
        for (var b = 0; b < value.Length; b += 17)
        {
            for (var q = 1; q <= 4; q++)
            {
                var first = b + 5 + ((q - 1) * 3);
                if (!has[b + q] && has[first] && has[first + 1] && has[first + 2])
                {
                    value[b + q] = value[first] + value[first + 1] + value[first + 2];
                    has[b + q] = true;
                }
            }

            if (!has[b] && has[b + 1] && has[b + 2] && has[b + 3] && has[b + 4])
            {
                value[b] = value[b + 1] + value[b + 2] + value[b + 3] + value[b + 4];
                has[b] = true;
            }
        }
    }
}

/// <summary>The plan's targets of the evaluated measures, per account and per unit, read in one pass over the plan.</summary>
internal static class AttainmentTargets
{
    public static (TargetTable Accounts, TargetTable Units)[] Read(AttainmentScope scope)
    {
        var hierarchy = scope.Hierarchy;
        var organization = hierarchy.Organization;
        var measures = scope.Measures;
        var result = new (TargetTable, TargetTable)[measures.Length];
        for (var m = 0; m < measures.Length; m++)
        {
            result[m] = (new TargetTable(hierarchy.Accounts.Count), new TargetTable(organization.Units.Count));
        }

        var errors = new ValidationCollector();
        var targets = scope.Plan.Targets;
        var lastAccount = default(AccountId);
        var lastIndex = -1;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var m = -1;
            for (var k = 0; k < measures.Length; k++)
            {
                if (string.Equals(measures[k].Key, target.Measure, StringComparison.Ordinal))
                {
                    m = k;
                    break;
                }
            }

            if (m < 0)
            {
                continue;
            }

            var slot = target.Period.Kind switch
            {
                PeriodKind.Year => 0,
                PeriodKind.Quarter => target.Period.Index,
                _ => 4 + target.Period.Index,
            };
            if (target.Subject.Account is { } account)
            {
                if (lastIndex < 0 || account != lastAccount)
                {
                    lastAccount = account;
                    if (!hierarchy.TryIndexOf(account, out lastIndex))
                    {
                        lastIndex = -1;
                        errors.Add(string.Create(CultureInfo.InvariantCulture, $"targets[{i}].account"), KamErrorCodes.Unknown, account, "No account of the hierarchy has this identifier.");
                        continue;
                    }
                }

                result[m].Item1.Set(lastIndex, slot, target.Value);
            }
            else if (target.Subject.Unit is { } unit)
            {
                if (organization.TryIndexOf(unit, out var u))
                {
                    result[m].Item2.Set(u, slot, target.Value);
                }
                else
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"targets[{i}].unit"), KamErrorCodes.Unknown, unit, "No unit of the organization has this identifier.");
                }
            }
        }

        errors.ThrowIfAny();
        for (var m = 0; m < measures.Length; m++)
        {
            if (measures[m].Kind == TargetMeasureKind.Money)
            {
                result[m].Item1.Complete();
                result[m].Item2.Complete();
            }
        }

        return result;
    }
}

/// <summary>Month figures of a set of nodes: actual, observations, weighted and open pipeline (node × 12), overdue (per node).</summary>
internal sealed class NodeFigures(decimal[] actual, int[] observations, decimal[] weighted, decimal[] open, int[] overdueCount, decimal[] overdueValue)
{
    public decimal[] Actual { get; } = actual;

    public int[] Observations { get; } = observations;

    public decimal[] Weighted { get; } = weighted;

    public decimal[] Open { get; } = open;

    public int[] OverdueCount { get; } = overdueCount;

    public decimal[] OverdueValue { get; } = overdueValue;
}

/// <summary>The figures of one measure: each account's own, each group's (the account and all below it), each unit's, and the targets.</summary>
internal sealed class MeasureFigures
{
    public MeasureFigures(AttainmentScope scope, AttainmentTally tally, (TargetTable Accounts, TargetTable Units) targets, int m, int[] groupOf, int groups)
    {
        var hierarchy = scope.Hierarchy;
        var units = hierarchy.Organization.Units.Count;
        var bookings = m == scope.Bookings;
        var money = scope.Measures[m].Kind == TargetMeasureKind.Money;
        Own = bookings
            ? new NodeFigures(tally.Actual[m], tally.Observations[m], tally.Weighted, tally.Open, tally.OverdueCount, tally.OverdueValue)
            : new NodeFigures(tally.Actual[m], tally.Observations[m], [], [], [], []);
        Group = Roll(Own, groups, (own, into, width) => RollGroups(hierarchy, groupOf, own, into, width), (own, into, width) => RollGroups(hierarchy, groupOf, own, into, width));
        Unit = Roll(Own, units, (own, into, width) => RollUnits(hierarchy, own, into, width), (own, into, width) => RollUnits(hierarchy, own, into, width));
        AccountTargets = targets.Accounts;
        UnitTargets = targets.Units;
        GroupTargets = new TargetTable(money ? groups : 0);
        UnitBottomUp = new TargetTable(money ? units : 0);
        if (money)
        {
            RollGroups(hierarchy, groupOf, AccountTargets.Value, GroupTargets.Value, 17);
            RollGroups(hierarchy, groupOf, AccountTargets.Has, GroupTargets.Has, 17);
            RollUnits(hierarchy, AccountTargets.Value, UnitBottomUp.Value, 17);
            RollUnits(hierarchy, AccountTargets.Has, UnitBottomUp.Has, 17);
        }
    }

    public NodeFigures Own { get; }

    public NodeFigures Group { get; }

    public NodeFigures Unit { get; }

    public TargetTable AccountTargets { get; }

    public TargetTable UnitTargets { get; }

    public TargetTable GroupTargets { get; }

    public TargetTable UnitBottomUp { get; }

    private static NodeFigures Roll(NodeFigures own, int nodes, Action<decimal[], decimal[], int> rollDecimal, Action<int[], int[], int> rollInt)
    {
        static int Size(Array source, int nodes, int width) => source.Length == 0 ? 0 : nodes * width;
        var actual = new decimal[Size(own.Actual, nodes, 12)];
        var observations = new int[Size(own.Observations, nodes, 12)];
        var weighted = new decimal[Size(own.Weighted, nodes, 12)];
        var open = new decimal[Size(own.Open, nodes, 12)];
        var overdueCount = new int[Size(own.OverdueCount, nodes, 1)];
        var overdueValue = new decimal[Size(own.OverdueValue, nodes, 1)];
        rollDecimal(own.Actual, actual, 12);
        rollInt(own.Observations, observations, 12);
        rollDecimal(own.Weighted, weighted, 12);
        rollDecimal(own.Open, open, 12);
        rollInt(own.OverdueCount, overdueCount, 1);
        rollDecimal(own.OverdueValue, overdueValue, 1);
        return new NodeFigures(actual, observations, weighted, open, overdueCount, overdueValue);
    }

    /// <summary>Rolls per-account figures up the customers' structures: each group gets its own figures and those of every account below it.</summary>
    private static void RollGroups<T>(AccountHierarchy hierarchy, int[] groupOf, T[] own, T[] into, int width)
        where T : struct
    {
        if (own.Length == 0 || into.Length == 0)
        {
            return;
        }

        var tree = hierarchy.Tree;
        for (var a = 0; a < groupOf.Length; a++)
        {
            if (groupOf[a] >= 0)
            {
                Array.Copy(own, a * width, into, groupOf[a] * width, width);
            }
        }

        for (var k = tree.Count - 1; k >= 0; k--)
        {
            var node = tree.Preorder[k];
            var parent = tree.Parent[node];
            if (parent < 0)
            {
                continue;
            }

            var g = groupOf[node];
            AddRange(g >= 0 ? into : own, (g >= 0 ? g : node) * width, into, groupOf[parent] * width, width);
        }
    }

    /// <summary>Rolls per-account figures up our organization: each unit gets the figures of the accounts it and the units below it hold.</summary>
    private static void RollUnits<T>(AccountHierarchy hierarchy, T[] own, T[] into, int width)
        where T : struct
    {
        if (own.Length == 0 || into.Length == 0)
        {
            return;
        }

        for (var a = 0; a < hierarchy.Accounts.Count; a++)
        {
            AddRange(own, a * width, into, hierarchy.UnitIndexOf(a) * width, width);
        }

        var tree = hierarchy.Organization.Tree;
        for (var k = tree.Count - 1; k >= 0; k--)
        {
            var node = tree.Preorder[k];
            if (tree.Parent[node] >= 0)
            {
                AddRange(into, node * width, into, tree.Parent[node] * width, width);
            }
        }
    }

    private static void AddRange<T>(T[] source, int from, T[] into, int to, int width)
        where T : struct
    {
        switch (source)
        {
            case decimal[] d:
                // Most cells of a tally were never written (default(decimal): no bits set); adding one leaves the sum
                // bit for bit as it was (scale and sign included), so it is skipped: the roll-ups' decimal additions
                // are the larger part of making the report.
                var dd = (decimal[])(object)into;
                var bits = MemoryMarshal.Cast<decimal, ulong>(d.AsSpan(from, width));
                for (var k = 0; k < width; k++)
                {
                    if ((bits[2 * k] | bits[(2 * k) + 1]) != 0)
                    {
                        dd[to + k] += d[from + k];
                    }
                }

                break;
            case int[] i:
                var ii = (int[])(object)into;
                for (var k = 0; k < width; k++)
                {
                    ii[to + k] = checked(ii[to + k] + i[from + k]);
                }

                break;
            case bool[] b:
                var bb = (bool[])(object)into;
                for (var k = 0; k < width; k++)
                {
                    bb[to + k] |= b[from + k];
                }

                break;
        }
    }
}
