using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kam.Core.Accounts.Targets;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// Targets of one measure per node (account or unit) and period slot (0 = year, 1-4 quarters, 5-16 months), node by
/// node, with a column only for the slots the measure can have (those its targets have, and a quarter or year that
/// completion fills): a measure with yearly targets only holds one column, not seventeen.
/// </summary>
internal sealed class TargetTable
{
    private readonly int[] _column = new int[17];

    /// <summary>Creates the table.</summary>
    /// <param name="nodes">The number of nodes.</param>
    /// <param name="slots">Which slots get a column (bit 0 the year, 1-4 the quarters, 5-16 the months).</param>
    public TargetTable(int nodes, int slots)
    {
        Width = 0;
        for (var slot = 0; slot < 17; slot++)
        {
            _column[slot] = (slots & (1 << slot)) != 0 ? Width++ : -1;
        }

        Nodes = nodes;
        Slots = slots;
        Value = new decimal[nodes * Width];
        Has = new bool[nodes * Width];
    }

    /// <summary>Gets the number of nodes.</summary>
    public int Nodes { get; }

    /// <summary>Gets the slots that have a column.</summary>
    public int Slots { get; }

    /// <summary>Gets the number of columns per node.</summary>
    public int Width { get; }

    public decimal[] Value { get; }

    public bool[] Has { get; }

    /// <summary>Adds the slots completion can fill to a set of slots: a quarter whose three months are there, then a year whose four quarters are.</summary>
    public static int Completed(int slots)
    {
        for (var q = 1; q <= 4; q++)
        {
            var months = 0b111 << (5 + ((q - 1) * 3));
            if ((slots & months) == months)
            {
                slots |= 1 << q;
            }
        }

        return (slots & 0b11110) == 0b11110 ? slots | 1 : slots;
    }

    public decimal? Get(int node, int slot)
    {
        var column = _column[slot];
        return column >= 0 && Has[(node * Width) + column] ? Value[(node * Width) + column] : null;
    }

    public void Set(int node, int slot, decimal value)
    {
        var at = (node * Width) + _column[slot];
        Value[at] = value;
        Has[at] = true;
    }

    /// <summary>Fills a missing quarter from its three months and a missing year from its four quarters, where all are present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Complete()
    {
        var value = Value;
        var has = Has;
        var c = _column;
        for (var b = 0; b < value.Length; b += Width)
        {
            for (var q = 1; q <= 4; q++)
            {
                var first = 5 + ((q - 1) * 3);
                if (c[q] >= 0 && c[first] >= 0 && c[first + 1] >= 0 && c[first + 2] >= 0
                    && !has[b + c[q]] && has[b + c[first]] && has[b + c[first + 1]] && has[b + c[first + 2]])
                {
                    value[b + c[q]] = value[b + c[first]] + value[b + c[first + 1]] + value[b + c[first + 2]];
                    has[b + c[q]] = true;
                }
            }

            if (c[0] >= 0 && c[1] >= 0 && c[2] >= 0 && c[3] >= 0 && c[4] >= 0
                && !has[b + c[0]] && has[b + c[1]] && has[b + c[2]] && has[b + c[3]] && has[b + c[4]])
            {
                value[b + c[0]] = value[b + c[1]] + value[b + c[2]] + value[b + c[3]] + value[b + c[4]];
                has[b + c[0]] = true;
            }
        }
    }
}

/// <summary>The plan's targets of the evaluated measures, per account and per unit, read in one pass over the plan.</summary>
internal static class AttainmentTargets
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (TargetTable Accounts, TargetTable Units)[] Read(AttainmentScope scope)
    {
        var hierarchy = scope.Hierarchy;
        var organization = hierarchy.Organization;
        var measures = scope.Measures;
        var result = new (TargetTable, TargetTable)[measures.Length];
        for (var m = 0; m < measures.Length; m++)
        {
            var slots = scope.Plan.SlotsOf(measures[m].Key);
            if (measures[m].Kind == TargetMeasureKind.Money)
            {
                slots = TargetTable.Completed(slots);
            }

            result[m] = (new TargetTable(hierarchy.Accounts.Count, slots), new TargetTable(organization.Units.Count, slots));
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

            var slot = TargetPlan.Slot(target.Period);
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

/// <summary>
/// Month figures of a set of nodes, kept only for the months they can fall in (see
/// <see cref="AttainmentScope.ActualMonths"/>): the money figures (node × the actual months; for the bookings measure
/// node × <see cref="AttainmentScope.BookingsWidth"/>: the actuals, then open and weighted pipeline interleaved for
/// the pipeline months), observations (node × the actual months), overdue (per node). A month outside the kept ones
/// reads as zero, as it always is.
/// </summary>
internal sealed class NodeFigures(decimal[] money, int width, int actualMonths, int[] observations, int[] overdueCount, decimal[] overdueValue)
{
    /// <summary>Gets the money figures, <see cref="Width"/> per node.</summary>
    public decimal[] Money { get; } = money;

    /// <summary>Gets the number of money figures per node.</summary>
    public int Width { get; } = width;

    /// <summary>Gets the number of months (from the first) with an actual.</summary>
    public int ActualMonths { get; } = actualMonths;

    /// <summary>Gets the observations, <see cref="ActualMonths"/> per node (empty for money).</summary>
    public int[] Observations { get; } = observations;

    public int[] OverdueCount { get; } = overdueCount;

    public decimal[] OverdueValue { get; } = overdueValue;

    /// <summary>Gets the actual of a node in a fiscal month (0-11).</summary>
    public decimal Actual(int node, int month) => month < ActualMonths ? Money[(node * Width) + month] : 0m;

    /// <summary>Gets the number of observations of a node in a fiscal month.</summary>
    public int ObservationsOf(int node, int month) => month < ActualMonths && Observations.Length > 0 ? Observations[(node * ActualMonths) + month] : 0;

    /// <summary>Gets the open pipeline of a node in a fiscal month (bookings only).</summary>
    public decimal Open(int node, int month) => Pipeline(node, month, 0);

    /// <summary>Gets the weighted pipeline of a node in a fiscal month (bookings only).</summary>
    public decimal Weighted(int node, int month) => Pipeline(node, month, 1);

    // The pipeline months start at the as-of month, the last of the actual months.
    private decimal Pipeline(int node, int month, int figure)
    {
        var p = month - (ActualMonths - 1);
        return p >= 0 ? Money[(node * Width) + ActualMonths + (2 * p) + figure] : 0m;
    }
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
            ? new NodeFigures(tally.Bookings, scope.BookingsWidth, scope.ActualMonths, tally.Observations[m], tally.OverdueCount, tally.OverdueValue)
            : new NodeFigures(tally.Actual[m], scope.ActualMonths, scope.ActualMonths, tally.Observations[m], [], []);
        Group = Roll(Own, groups, (own, into, width) => RollGroups(hierarchy, groupOf, own, into, width), (own, into, width) => RollGroups(hierarchy, groupOf, own, into, width));
        Unit = Roll(Own, units, (own, into, width) => RollUnits(hierarchy, own, into, width), (own, into, width) => RollUnits(hierarchy, own, into, width));
        AccountTargets = targets.Accounts;
        UnitTargets = targets.Units;
        GroupTargets = new TargetTable(money ? groups : 0, AccountTargets.Slots);
        UnitBottomUp = new TargetTable(money ? units : 0, AccountTargets.Slots);
        if (money)
        {
            var width = AccountTargets.Width;
            RollGroups(hierarchy, groupOf, AccountTargets.Value, GroupTargets.Value, width);
            RollGroups(hierarchy, groupOf, AccountTargets.Has, GroupTargets.Has, width);
            RollUnits(hierarchy, AccountTargets.Value, UnitBottomUp.Value, width);
            RollUnits(hierarchy, AccountTargets.Has, UnitBottomUp.Has, width);
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
        var money = new decimal[Size(own.Money, nodes, own.Width)];
        var observations = new int[Size(own.Observations, nodes, own.ActualMonths)];
        var overdueCount = new int[Size(own.OverdueCount, nodes, 1)];
        var overdueValue = new decimal[Size(own.OverdueValue, nodes, 1)];
        rollDecimal(own.Money, money, own.Width);
        rollInt(own.Observations, observations, own.ActualMonths);
        rollInt(own.OverdueCount, overdueCount, 1);
        rollDecimal(own.OverdueValue, overdueValue, 1);
        return new NodeFigures(money, own.Width, own.ActualMonths, observations, overdueCount, overdueValue);
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
