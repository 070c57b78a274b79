using System.Text.Json.Serialization;

namespace Kam.Core.Tiering.Program;

/// <summary>The size of the supplier, which decides the form of its key-account organization (rule book: key-account program).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CompanySize>))]
public enum CompanySize
{
    /// <summary>A small company: few key customers.</summary>
    Small,

    /// <summary>A mid-sized company (about 75 major customers).</summary>
    MidSized,

    /// <summary>A large domestic enterprise or national body.</summary>
    Large,

    /// <summary>A large group or multinational (Xerox-scale, about 250 major customers).</summary>
    Group,
}
