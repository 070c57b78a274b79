namespace Kam.Core;

/// <summary>
/// The base of every exception Kam.Core throws on purpose: catch it to handle all of the library's typed errors.
/// </summary>
/// <remarks>
/// Programming errors that the runtime reports itself (<see cref="ArgumentNullException"/> for a null argument) are
/// not wrapped; everything that depends on the <em>values</em> a caller passed is reported as a
/// <see cref="KamValidationException"/> or another subclass of this type.
/// </remarks>
public abstract class KamException : Exception
{
    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">A human-readable description of the problem.</param>
    protected KamException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and the exception that caused it.</summary>
    /// <param name="message">A human-readable description of the problem.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    protected KamException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
