namespace Kam.Core.Tiering;

/// <summary>The default tier lists of SPEC.md §2, shared by the default policies.</summary>
internal static class TierSets
{
    public static TierDefinition[] Abc() =>
    [
        new("A", "Key accounts: the minority that brings most of the value (000…txt:3-5)."),
        new("B", "Important accounts: the next slice of value."),
        new("C", "Other accounts: the rest of the value."),
    ];
}
