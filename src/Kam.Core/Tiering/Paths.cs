namespace Kam.Core.Tiering;

/// <summary>Builds validation paths relative to a type (<c>name</c>) or under a parent (<c>tiers[1].name</c>).</summary>
internal static class Paths
{
    /// <summary>The path of a member under <paramref name="parent"/>, or the bare member name at the top.</summary>
    public static string Member(string parent, string member) => parent.Length == 0 ? member : $"{parent}.{member}";
}
