namespace Kam.Core.Tiering;

/// <summary>
/// A portfolio in columnar form: the accounts' identifiers and, for each named measure, one value per account. Every
/// tiering engine reads its measures from here by the names its policy gives.
/// </summary>
/// <remarks>
/// <para>
/// Built either from columns (<see cref="Create"/>, the fast path for millions of accounts) or from one record per
/// account (<see cref="FromRecords"/>, the friendly path). Validated once when built: identifiers unique, every column
/// as long as the list of accounts, measure names unique, values finite, counts whole and not negative, one currency
/// per money measure. Engines therefore never meet an invalid portfolio.
/// </para>
/// <para>Immutable (inputs are copied) and safe to share between threads.</para>
/// </remarks>
public sealed class AccountMeasures
{
    private readonly AccountId[] _ids;
    private readonly Dictionary<string, MeasureColumn> _columns;
    private readonly bool _inIdOrder;
    private int[]? _idRanks;

    private AccountMeasures(AccountId[] ids, Dictionary<string, MeasureColumn> columns, bool inIdOrder)
    {
        _ids = ids;
        _columns = columns;
        _inIdOrder = inIdOrder;
    }

    /// <summary>Gets the number of accounts.</summary>
    public int Count => _ids.Length;

    /// <summary>Gets the accounts' identifiers, in input order.</summary>
    public ReadOnlySpan<AccountId> Ids => _ids;

    /// <summary>Gets the names of the measures present.</summary>
    public IEnumerable<string> MeasureNames => _columns.Keys;

    internal AccountId[] RawIds => _ids;

    /// <summary>
    /// Gets each account's position in ordinal order of identifier, the tie order of every ranking (computed once, on
    /// first use), or <see langword="null"/> when the accounts already come in that order, so that the position is the
    /// index itself (hosts' exports are usually sorted by identifier).
    /// </summary>
    internal int[]? IdRanks
    {
        get
        {
            if (_inIdOrder)
            {
                return null;
            }

            var ranks = Volatile.Read(ref _idRanks);
            if (ranks is null)
            {
                var n = _ids.Length;
                var keys = new string[n];
                var positions = new int[n];
                for (var i = 0; i < n; i++)
                {
                    keys[i] = _ids[i].Value;
                    positions[i] = i;
                }

                Array.Sort(keys, positions, StringComparer.Ordinal);
                ranks = new int[n];
                for (var r = 0; r < n; r++)
                {
                    ranks[positions[r]] = r;
                }

                Volatile.Write(ref _idRanks, ranks);
            }

            return ranks;
        }
    }

    /// <summary>Builds a portfolio from identifiers and columns.</summary>
    /// <param name="ids">The accounts (copied).</param>
    /// <param name="columns">The measures; each must have one value per account.</param>
    /// <returns>The portfolio.</returns>
    /// <exception cref="KamValidationException">An identifier is repeated or default, a column has the wrong length, or two columns share a name.</exception>
    public static AccountMeasures Create(ReadOnlySpan<AccountId> ids, IEnumerable<MeasureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var errors = new ValidationCollector();
        var idArray = ids.ToArray();

        // Identifiers in strictly increasing ordinal order are unique without a set (the usual export, sorted by key).
        var inIdOrder = idArray.Length == 0 || idArray[0] != default;
        for (var i = 1; i < idArray.Length && inIdOrder; i++)
        {
            inIdOrder = string.CompareOrdinal(idArray[i - 1].Value, idArray[i].Value) < 0;
        }

        if (!inIdOrder)
        {
            var seen = new HashSet<AccountId>(idArray.Length);
            for (var i = 0; i < idArray.Length; i++)
            {
                if (idArray[i] == default)
                {
                    errors.Add($"accounts[{i}].id", KamErrorCodes.Required, null, "Every account needs an identifier.");
                }
                else if (!seen.Add(idArray[i]))
                {
                    errors.Add($"accounts[{i}].id", KamErrorCodes.Duplicate, idArray[i], "Account identifiers must be unique within a portfolio.");
                }
            }
        }

        var map = new Dictionary<string, MeasureColumn>(StringComparer.Ordinal);
        var index = 0;
        foreach (var column in columns)
        {
            if (!errors.Required($"measures[{index}]", column))
            {
                index++;
                continue;
            }

            if (!map.TryAdd(column.Name, column))
            {
                errors.Add($"measures[{index}].name", KamErrorCodes.Duplicate, column.Name, "Measure names must be unique.");
            }

            if (column.Count != idArray.Length)
            {
                errors.Add($"measures['{column.Name}']", KamErrorCodes.OutOfRange, column.Count, $"The measure must have one value per account ({idArray.Length}).");
            }

            index++;
        }

        errors.ThrowIfAny();
        return new AccountMeasures(idArray, map, inIdOrder);
    }

    /// <summary>Builds a portfolio from one record per account; a measure absent from a record is missing for that account.</summary>
    /// <param name="records">The accounts.</param>
    /// <returns>The portfolio.</returns>
    /// <exception cref="KamValidationException">
    /// Identifiers repeat, a value is NaN or infinite, a count is negative, one measure has different kinds across
    /// accounts, or one money measure mixes currencies (<see cref="KamErrorCodes.CurrencyMismatch"/>).
    /// </exception>
    public static AccountMeasures FromRecords(IEnumerable<AccountRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        var errors = new ValidationCollector();
        var kinds = new Dictionary<string, (MeasureKind Kind, Currency? Currency)>(StringComparer.Ordinal);
        var names = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!errors.Required($"accounts[{i}]", list[i]) || !errors.Required($"accounts[{i}].measures", list[i].Measures))
            {
                continue;
            }

            foreach (var (name, value) in list[i].Measures)
            {
                if (!kinds.TryGetValue(name, out var known))
                {
                    kinds[name] = (value.Kind, value.Currency);
                    names.Add(name);
                }
                else if (known.Kind != value.Kind)
                {
                    errors.Add($"accounts[{i}].measures['{name}']", KamErrorCodes.InvalidFormat, value.Kind, $"The measure '{name}' is a {known.Kind} elsewhere in the portfolio.");
                }
                else if (known.Currency != value.Currency)
                {
                    errors.Add($"accounts[{i}].measures['{name}']", KamErrorCodes.CurrencyMismatch, value.Currency?.Code, $"The measure '{name}' is in {known.Currency?.Code} elsewhere in the portfolio; one measure cannot mix currencies.");
                }
            }
        }

        errors.ThrowIfAny();
        var ids = new AccountId[list.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = list[i].Id;
        }

        var columns = new List<MeasureColumn>(names.Count);
        foreach (var name in names)
        {
            var values = new double[list.Count];
            var missing = new bool[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Measures.TryGetValue(name, out var value))
                {
                    values[i] = value.Value;
                }
                else
                {
                    missing[i] = true;
                }
            }

            var (kind, currency) = kinds[name];
            try
            {
                columns.Add(MeasureColumn.Create(name, kind, currency, values, missing));
            }
            catch (KamValidationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        errors.ThrowIfAny();
        return Create(ids, columns);
    }

    /// <summary>Tells whether the portfolio has a measure.</summary>
    /// <param name="name">The measure's name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool HasMeasure(string name) => _columns.ContainsKey(name);

    /// <summary>Gets a measure by name.</summary>
    /// <param name="name">The measure's name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KamValidationException">The portfolio has no such measure (<see cref="KamErrorCodes.Unknown"/>).</exception>
    public MeasureColumn Measure(string name) =>
        _columns.TryGetValue(name, out var column)
            ? column
            : throw new KamValidationException($"measures['{name}']", KamErrorCodes.Unknown, name, $"The portfolio has no measure named '{name}', which the policy needs.");

    internal MeasureColumn? TryMeasure(string name) => _columns.GetValueOrDefault(name);

    /// <summary>The column of a measure a policy needs for every account (present, none missing).</summary>
    internal MeasureColumn RequireColumn(string measure)
    {
        RequireComplete(measure);
        return Measure(measure);
    }

    /// <summary>The measure a policy needs for every account: present, with no missing value, and optionally within a range.</summary>
    internal double[] RequireComplete(string measure, double min = double.MinValue, double max = double.MaxValue)
    {
        var column = Measure(measure);
        var values = column.RawValues;
        var missing = column.RawMissing;
        ValidationCollector? errors = null;
        for (var i = 0; i < values.Length; i++)
        {
            // Values are finite already (checked when the column was built); only the policy's range is new here.
            var bad = (missing is not null && missing[i]) || values[i] < min || values[i] > max;
            if (!bad)
            {
                continue;
            }

            errors ??= new ValidationCollector();
            var path = $"accounts[{i}].measures['{measure}']";
            if (missing is not null && missing[i])
            {
                errors.Add(path, KamErrorCodes.Required, _ids[i], $"Every account needs a value of '{measure}'.");
            }
            else
            {
                errors.FiniteInRange(path, values[i], min, max);
            }

            if (errors.Errors.Count >= 20)
            {
                break;
            }
        }

        errors?.ThrowIfAny();
        return values;
    }

    internal void RequireAccounts(string policyName)
    {
        if (_ids.Length == 0)
        {
            throw new KamValidationException("accounts", KamErrorCodes.Empty, "0", $"The {policyName} needs at least one account.");
        }
    }
}
