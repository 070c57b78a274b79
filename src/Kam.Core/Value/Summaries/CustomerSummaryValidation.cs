using System.Globalization;

namespace Kam.Core.Value.Summaries;

/// <summary>Checks a table of <see cref="CustomerSummary"/> rows that came from outside the summarizer (a file, a warehouse).</summary>
/// <remarks>
/// The rules are the ones every customer-base model needs: a non-blank, unique customer id; a whole, non-negative
/// frequency; finite, non-negative recency and age with recency &lt;= age; recency 0 when frequency is 0; a finite,
/// non-negative monetary value; a non-negative transaction count. Every problem is reported, with paths such as
/// <c>rows[12].recency</c>. Stateless and thread-safe.
/// </remarks>
public static class CustomerSummaryValidation
{
    /// <summary>Returns every problem in the rows; empty when they are valid.</summary>
    /// <param name="rows">The rows to check.</param>
    /// <param name="path">The path prefix of the rows in error messages.</param>
    /// <returns>The problems found.</returns>
    public static IReadOnlyList<KamValidationError> Check(IReadOnlyList<CustomerSummary> rows, string path = "rows")
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ValidationCollector();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (errors.Required($"{at}.customerId", row.CustomerId) && !seen.Add(row.CustomerId))
            {
                errors.Add($"{at}.customerId", KamErrorCodes.Duplicate, row.CustomerId, "This customer occurs more than once; each customer has one summary row.");
            }

            if (errors.FiniteInRange($"{at}.frequency", row.Frequency, 0d) && row.Frequency != Math.Floor(row.Frequency))
            {
                errors.Add($"{at}.frequency", KamErrorCodes.InvalidFormat, row.Frequency, "The frequency counts repeat purchases and must be a whole number.");
            }

            var ageOk = errors.FiniteInRange($"{at}.age", row.Age, 0d);
            if (errors.FiniteInRange($"{at}.recency", row.Recency, 0d))
            {
                if (ageOk && row.Recency > row.Age)
                {
                    errors.Add($"{at}.recency", KamErrorCodes.OutOfOrder, row.Recency, string.Create(CultureInfo.InvariantCulture, $"The recency (time of the last repeat purchase) cannot exceed the age {row.Age}."));
                }
                else if (row.Frequency == 0d && row.Recency != 0d)
                {
                    errors.Add($"{at}.recency", KamErrorCodes.InvalidState, row.Recency, "A customer without repeat purchases has recency 0.");
                }
            }

            errors.FiniteInRange($"{at}.monetaryValue", row.MonetaryValue, 0d);
            errors.InRange($"{at}.transactionCount", row.TransactionCount, 0, int.MaxValue);
        }

        return errors.Errors;
    }

    /// <summary>Throws when the rows have any problem (see <see cref="Check"/>).</summary>
    /// <param name="rows">The rows to check.</param>
    /// <param name="path">The path prefix of the rows in error messages.</param>
    /// <exception cref="KamValidationException">At least one row is invalid; every problem is listed.</exception>
    public static void Validate(IReadOnlyList<CustomerSummary> rows, string path = "rows")
    {
        var errors = Check(rows, path);
        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }
}
