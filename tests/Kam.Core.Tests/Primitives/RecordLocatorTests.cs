using FsCheck;
using FsCheck.Fluent;

namespace Kam.Core.Tests.Primitives;

/// <summary>
/// <see cref="KamValidationError.Record"/>: the structured form of a path that names the Nth input record, which hosts
/// use to point at the file's row and column instead of parsing paths themselves.
/// </summary>
public sealed class RecordLocatorTests
{
    [Theory]
    [InlineData("deals[3].amount", "deals", 3, "amount", null)]
    [InlineData("collections[0].receivedOn", "collections", 0, "receivedOn", null)]
    [InlineData("deals[12].splits[0].person", "deals", 12, "splits", null)]
    [InlineData("accounts[2].measures['revenue']", "accounts", 2, "measures", "revenue")]
    [InlineData("accounts[2].measures['gross profit'].value", "accounts", 2, "measures", "gross profit")]
    [InlineData("payees[7]", "payees", 7, "", null)]
    [InlineData("log[0].date", "log", 0, "date", null)]
    public void A_record_path_is_read_into_collection_index_member_and_key(string path, string collection, int index, string member, string? key)
    {
        var record = Assert.IsType<KamRecordLocator>(new KamValidationError(path, KamErrorCodes.OutOfRange, "x", "m").Record);
        Assert.Equal(collection, record.Collection);
        Assert.Equal(index, record.Index);
        Assert.Equal(member, record.Member);
        Assert.Equal(key, record.Key);
    }

    [Theory]
    [InlineData("$.components[0].rate")]
    [InlineData("deals.csv:3:2")]
    [InlineData("options.FiscalYearStartMonth")]
    [InlineData("fiscalYear")]
    [InlineData("[3].amount")]
    [InlineData("deals[].amount")]
    [InlineData("deals[-1].amount")]
    [InlineData("deals[99999999999].amount")]
    [InlineData("deals[3")]
    [InlineData("")]
    public void Any_other_path_has_no_record(string path) =>
        Assert.Null(new KamValidationError(path, KamErrorCodes.OutOfRange, null, "m").Record);

    [Fact]
    public void A_written_record_path_reads_back_whatever_the_names_and_position() =>
        Prop.ForAll(
            Gen.Elements("deals", "collections", "accounts", "payees", "log").ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Elements("amount", "bookedOn", "measures", "splits", "x").ToArbitrary(),
            (collection, index, member) =>
            {
                var record = new KamValidationError($"{collection}[{index}].{member}", KamErrorCodes.Required, null, "m").Record;
                return record is not null && record.Collection == collection && record.Index == index && record.Member == member && record.Key is null;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Random_text_never_throws() =>
        Prop.ForAll<string>(path => path is null || new KamValidationError(path, KamErrorCodes.Required, null, "m").Record is null or { Index: >= 0 })
            .QuickCheckThrowOnFailure();
}
