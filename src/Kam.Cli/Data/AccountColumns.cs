using System.Collections;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Data;

/// <summary>
/// The accounts of accounts.csv (or of the demo's sample) in columns: one array per field and the line numbers as an
/// <see cref="int"/> array with one file-wide source, instead of an <see cref="AccountRow"/> per account.
/// </summary>
/// <remarks>
/// <para>
/// A million accounts are a few dozen arrays rather than millions of objects (a record, its strategic answers and its
/// source row per account) that the garbage collector would trace and copy while the file is read. <c>kam tier</c>'s
/// analysis, measures and tables read the columns; <see cref="this[int]"/> builds an <see cref="AccountRow"/> on
/// demand (equal to the one read before the columns), for the demo, the tests and error messages.
/// </para>
/// <para>Filled by the reader (<see cref="Add"/>) and not changed afterwards.</para>
/// </remarks>
internal sealed class AccountColumns : IReadOnlyList<AccountRow>
{
    private const byte StrategicAssessed = 0x80;

    private AccountId[] _ids;
    private string[] _names;
    private string[] _industries;
    private Currency[] _currencies;
    private decimal[] _revenue;
    private decimal[] _grossProfit;
    private decimal[] _costToServe;
    private decimal[] _discounts;
    private LocalDate?[] _firstOrder;
    private LocalDate?[] _lastOrder;
    private int?[] _orders;
    private bool[] _creditOk;
    private int?[] _relationshipStage;
    private int?[] _collaboration;
    private int?[] _contactBreadth;
    private byte[] _strategic; // bits 0..4: the five answers in StrategicCriteria order; StrategicAssessed: any answer given
    private int[] _lines;
    private RowSource[]? _sources; // the rows' own sources, for columns made from records (the demo's sample, tests)
    private string? _file;
    private IReadOnlyDictionary<string, int>? _columns;

    /// <summary>Creates empty columns.</summary>
    /// <param name="capacity">The number of accounts to make room for.</param>
    public AccountColumns(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 4);
        _ids = new AccountId[capacity];
        _names = new string[capacity];
        _industries = new string[capacity];
        _currencies = new Currency[capacity];
        _revenue = new decimal[capacity];
        _grossProfit = new decimal[capacity];
        _costToServe = new decimal[capacity];
        _discounts = new decimal[capacity];
        _firstOrder = new LocalDate?[capacity];
        _lastOrder = new LocalDate?[capacity];
        _orders = new int?[capacity];
        _creditOk = new bool[capacity];
        _relationshipStage = new int?[capacity];
        _collaboration = new int?[capacity];
        _contactBreadth = new int?[capacity];
        _strategic = new byte[capacity];
        _lines = new int[capacity];
    }

    /// <summary>Gets the number of accounts.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the accounts' identifiers, in file order.</summary>
    public ReadOnlySpan<AccountId> Ids => _ids.AsSpan(0, Count);

    /// <summary>Gets the accounts' names.</summary>
    public ReadOnlySpan<string> Names => _names.AsSpan(0, Count);

    /// <summary>Gets the year's revenues.</summary>
    public ReadOnlySpan<decimal> Revenue => _revenue.AsSpan(0, Count);

    /// <summary>Gets the year's gross profits.</summary>
    public ReadOnlySpan<decimal> GrossProfit => _grossProfit.AsSpan(0, Count);

    /// <summary>Gets the year's costs to serve (0 when not given).</summary>
    public ReadOnlySpan<decimal> CostToServe => _costToServe.AsSpan(0, Count);

    /// <summary>Gets the year's discounts and rebates (0 when not given).</summary>
    public ReadOnlySpan<decimal> Discounts => _discounts.AsSpan(0, Count);

    /// <summary>Gets the days of the first orders, when given.</summary>
    public ReadOnlySpan<LocalDate?> FirstOrder => _firstOrder.AsSpan(0, Count);

    /// <summary>Gets the days of the latest orders, when given.</summary>
    public ReadOnlySpan<LocalDate?> LastOrder => _lastOrder.AsSpan(0, Count);

    /// <summary>Gets the numbers of orders in the year, when given.</summary>
    public ReadOnlySpan<int?> Orders => _orders.AsSpan(0, Count);

    /// <summary>Gets whether each account's credit is in good standing.</summary>
    public ReadOnlySpan<bool> CreditOk => _creditOk.AsSpan(0, Count);

    /// <summary>Gets the relationship stages 1..5, when assessed.</summary>
    public ReadOnlySpan<int?> RelationshipStage => _relationshipStage.AsSpan(0, Count);

    /// <summary>Gets the collaboration indicators 1..5, when assessed.</summary>
    public ReadOnlySpan<int?> Collaboration => _collaboration.AsSpan(0, Count);

    /// <summary>Gets the contact-breadth indicators 1..5, when assessed.</summary>
    public ReadOnlySpan<int?> ContactBreadth => _contactBreadth.AsSpan(0, Count);

    /// <summary>Gets the account at an index as a record (built on each call; its <see cref="AccountRow.Source"/> names its row when read from a file).</summary>
    /// <param name="index">The index, 0..<see cref="Count"/> − 1.</param>
    /// <returns>The account.</returns>
    public AccountRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new AccountRow
            {
                Id = _ids[index],
                Name = _names[index],
                Industry = _industries[index],
                Currency = _currencies[index],
                Revenue = _revenue[index],
                GrossProfit = _grossProfit[index],
                CostToServe = _costToServe[index],
                Discounts = _discounts[index],
                FirstOrder = _firstOrder[index],
                LastOrder = _lastOrder[index],
                Orders = _orders[index],
                CreditOk = _creditOk[index],
                RelationshipStage = _relationshipStage[index],
                Collaboration = _collaboration[index],
                ContactBreadth = _contactBreadth[index],
                Strategic = Strategic(index),
                Source = SourceOf(index),
            };
        }
    }

    /// <summary>Gets the columns of records: the records themselves when they already are columns, else a copy in columns.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <returns>The columns.</returns>
    public static AccountColumns From(IReadOnlyList<AccountRow> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts is AccountColumns columns)
        {
            return columns;
        }

        var result = new AccountColumns(accounts.Count);
        result._sources = new RowSource[Math.Max(accounts.Count, 4)];
        foreach (var a in accounts)
        {
            var s = a.Strategic;
            result._sources[result.Count] = a.Source;
            result.Add(a.Id, a.Name, a.Industry, a.Currency, a.Revenue, a.GrossProfit, a.CostToServe, a.Discounts, a.FirstOrder, a.LastOrder, a.Orders,
                a.CreditOk, a.RelationshipStage, a.Collaboration, a.ContactBreadth,
                s is null ? null : s.SeesOurStrengthsAsStrategic, s is null ? null : s.CommitsAsFirstChoiceSupplier, s is null ? null : s.WillingToFormAlliance,
                s is null ? null : s.WillingToInvestInJointVentures, s is null ? null : s.HasGlobalNeeds, a.Source.Row?.Line ?? 0);
        }

        return result;
    }

    /// <summary>Sets the file the accounts are read from: its display name and the 1-based number of each of its columns by name.</summary>
    /// <param name="file">The file's display name.</param>
    /// <param name="columns">The column numbers (one map for every row).</param>
    public void ReadFrom(string file, IReadOnlyDictionary<string, int> columns)
    {
        _file = file;
        _columns = columns;
    }

    /// <summary>Appends an account.</summary>
    /// <remarks>The five Honeywell answers: an account with none of them given has no <see cref="StrategicCriteria"/>; one with any has them all, the others read as no.</remarks>
    public void Add(
        AccountId id, string name, string industry, Currency currency, decimal revenue, decimal grossProfit, decimal costToServe, decimal discounts,
        LocalDate? firstOrder, LocalDate? lastOrder, int? orders, bool creditOk, int? relationshipStage, int? collaboration, int? contactBreadth,
        bool? investment, bool? firstChoice, bool? alliance, bool? jointVentures, bool? globalNeeds, int line)
    {
        if (Count == _ids.Length)
        {
            Grow();
        }

        var i = Count;
        _ids[i] = id;
        _names[i] = name;
        _industries[i] = industry;
        _currencies[i] = currency;
        _revenue[i] = revenue;
        _grossProfit[i] = grossProfit;
        _costToServe[i] = costToServe;
        _discounts[i] = discounts;
        _firstOrder[i] = firstOrder;
        _lastOrder[i] = lastOrder;
        _orders[i] = orders;
        _creditOk[i] = creditOk;
        _relationshipStage[i] = relationshipStage;
        _collaboration[i] = collaboration;
        _contactBreadth[i] = contactBreadth;
        _strategic[i] = investment is null && firstChoice is null && alliance is null && jointVentures is null && globalNeeds is null
            ? (byte)0
            : (byte)(StrategicAssessed | Bit(investment, 0) | Bit(firstChoice, 1) | Bit(alliance, 2) | Bit(jointVentures, 3) | Bit(globalNeeds, 4));
        _lines[i] = line;
        Count = i + 1;
    }

    /// <summary>Appends the accounts of other columns read from a later part of the same file (their line numbers are the file's).</summary>
    /// <param name="other">The other columns.</param>
    public void Append(AccountColumns other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var n = other.Count;
        EnsureCapacity((long)Count + n);
        var at = Count;
        Array.Copy(other._ids, 0, _ids, at, n);
        Array.Copy(other._names, 0, _names, at, n);
        Array.Copy(other._industries, 0, _industries, at, n);
        Array.Copy(other._currencies, 0, _currencies, at, n);
        Array.Copy(other._revenue, 0, _revenue, at, n);
        Array.Copy(other._grossProfit, 0, _grossProfit, at, n);
        Array.Copy(other._costToServe, 0, _costToServe, at, n);
        Array.Copy(other._discounts, 0, _discounts, at, n);
        Array.Copy(other._firstOrder, 0, _firstOrder, at, n);
        Array.Copy(other._lastOrder, 0, _lastOrder, at, n);
        Array.Copy(other._orders, 0, _orders, at, n);
        Array.Copy(other._creditOk, 0, _creditOk, at, n);
        Array.Copy(other._relationshipStage, 0, _relationshipStage, at, n);
        Array.Copy(other._collaboration, 0, _collaboration, at, n);
        Array.Copy(other._contactBreadth, 0, _contactBreadth, at, n);
        Array.Copy(other._strategic, 0, _strategic, at, n);
        Array.Copy(other._lines, 0, _lines, at, n);
        Count = at + n;
    }

    /// <summary>Gets an account's currency.</summary>
    /// <param name="index">The account's index.</param>
    /// <returns>The currency.</returns>
    public Currency CurrencyAt(int index) => _currencies[index];

    /// <summary>Gets an account's answer to one Honeywell criterion (0..4, in <see cref="StrategicCriteria"/> order), or <see langword="null"/> when the account was not assessed.</summary>
    /// <param name="index">The account's index.</param>
    /// <param name="criterion">The criterion, 0..4.</param>
    /// <returns>The answer, or <see langword="null"/>.</returns>
    public bool? StrategicAnswer(int index, int criterion) =>
        (_strategic[index] & StrategicAssessed) == 0 ? null : (_strategic[index] & (1 << criterion)) != 0;

    /// <summary>Gets an account's contribution: gross profit − cost to serve − discounts (the <c>contribution</c> measure of <c>kam tier</c>).</summary>
    /// <param name="index">The account's index.</param>
    /// <returns>The contribution.</returns>
    public decimal ContributionAt(int index) => Contribution(_grossProfit[index], _costToServe[index], _discounts[index]);

    /// <summary>An account's contribution: gross profit less the cost to serve it and the discounts it was given.</summary>
    /// <param name="grossProfit">The gross profit.</param>
    /// <param name="costToServe">The cost to serve.</param>
    /// <param name="discounts">The discounts.</param>
    /// <returns>The contribution.</returns>
    public static decimal Contribution(decimal grossProfit, decimal costToServe, decimal discounts) => grossProfit - costToServe - discounts;

    /// <summary>Gets the row of the file an account was read from, or a source without a row for a generated account.</summary>
    /// <param name="index">The account's index.</param>
    /// <returns>The source.</returns>
    public RowSource SourceOf(int index) =>
        _sources is not null ? _sources[index]
        : _file is not null && _columns is not null ? new RowSource(_file, _lines[index], _columns)
        : default;

    /// <summary>Gets the line of the file an account was read from (0 for a generated account).</summary>
    /// <param name="index">The account's index.</param>
    /// <returns>The line.</returns>
    public int LineAt(int index) => _lines[index];

    /// <summary>Gets the display name of the file the accounts were read from, or <see langword="null"/> when none was.</summary>
    public string? File => _file ?? (_sources is null ? null : FirstSourceFile());

    /// <inheritdoc />
    public IEnumerator<AccountRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Bit(bool? answer, int criterion) => answer == true ? 1 << criterion : 0;

    private StrategicCriteria? Strategic(int index) =>
        (_strategic[index] & StrategicAssessed) == 0
            ? null
            : new StrategicCriteria(StrategicAnswer(index, 0)!.Value, StrategicAnswer(index, 1)!.Value, StrategicAnswer(index, 2)!.Value,
                StrategicAnswer(index, 3)!.Value, StrategicAnswer(index, 4)!.Value);

    private string? FirstSourceFile()
    {
        for (var i = 0; i < Count; i++)
        {
            if (_sources![i].Row is { } row)
            {
                return row.File;
            }
        }

        return null;
    }

    /// <summary>Makes room for a number of accounts in all (e.g. the lines of the file being read), so the columns are not copied as they grow.</summary>
    /// <param name="capacity">The number of accounts; beyond what an array holds, ignored.</param>
    public void EnsureCapacity(long capacity)
    {
        if (capacity > _ids.Length && capacity <= Array.MaxLength / 2)
        {
            Grow((int)capacity);
        }
    }

    private void Grow(int? to = null)
    {
        var capacity = to ?? _ids.Length * 2;
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _names, capacity);
        Array.Resize(ref _industries, capacity);
        Array.Resize(ref _currencies, capacity);
        Array.Resize(ref _revenue, capacity);
        Array.Resize(ref _grossProfit, capacity);
        Array.Resize(ref _costToServe, capacity);
        Array.Resize(ref _discounts, capacity);
        Array.Resize(ref _firstOrder, capacity);
        Array.Resize(ref _lastOrder, capacity);
        Array.Resize(ref _orders, capacity);
        Array.Resize(ref _creditOk, capacity);
        Array.Resize(ref _relationshipStage, capacity);
        Array.Resize(ref _collaboration, capacity);
        Array.Resize(ref _contactBreadth, capacity);
        Array.Resize(ref _strategic, capacity);
        Array.Resize(ref _lines, capacity);
    }
}
