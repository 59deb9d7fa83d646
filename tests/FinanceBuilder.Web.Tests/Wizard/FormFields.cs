using AngleSharp.Html.Dom;

namespace FinanceBuilder.Web.Tests.Wizard;

/// A form's fields in document order, as name/value pairs (a name may repeat: check boxes).
internal sealed class FormFields
{
    private readonly List<KeyValuePair<string, string>> fields;
    private readonly HashSet<string> controls;

    private FormFields(List<KeyValuePair<string, string>> fields, HashSet<string> controls)
    {
        this.fields = fields;
        this.controls = controls;
    }

    public IReadOnlyList<KeyValuePair<string, string>> All => fields;

    /// What a browser submits: enabled named controls; check boxes and radios only when
    /// checked; a select's chosen options (its first option when none is marked); no buttons.
    public static FormFields Read(IHtmlFormElement form)
    {
        var list = new List<KeyValuePair<string, string>>();
        var controls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
                continue;
            controls.Add(name);
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToUpperInvariant();
                    if (type is "SUBMIT" or "BUTTON" or "RESET" or "IMAGE" or "FILE")
                        continue;
                    if (type is "CHECKBOX" or "RADIO")
                    {
                        if (input.HasAttribute("checked"))
                            list.Add(new(name, input.GetAttribute("value") ?? "on"));
                        continue;
                    }
                    list.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    list.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.HasAttribute("selected")).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                        chosen.Add(select.Options[0]!);
                    foreach (var option in chosen)
                        list.Add(new(name, option.GetAttribute("value") ?? option.TextContent));
                    break;
            }
        }
        return new FormFields(list, controls);
    }

    public string? this[string name] => fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public bool Has(string name) => fields.Any(f => f.Key == name);

    public IEnumerable<string> Values(string name) => fields.Where(f => f.Key == name).Select(f => f.Value);

    public IEnumerable<string> Names => fields.Select(f => f.Key).Distinct(StringComparer.Ordinal);

    /// Replaces every value of the name by these (where the first stood, else at the end).
    public FormFields Set(string name, params string[] values)
    {
        var at = fields.FindIndex(f => f.Key == name);
        fields.RemoveAll(f => f.Key == name);
        if (at < 0 || at > fields.Count)
            at = fields.Count;
        fields.InsertRange(at, values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// True when the page has a control of that name, even one not sent (an unchecked box).
    public bool Shows(string name) => controls.Contains(name);

    /// Sets a field the page must have shown (a typo in a test then fails instead of posting nothing).
    public FormFields Change(string name, params string[] values)
    {
        Assert.True(Shows(name), $"The form has no field '{name}'. Fields: {string.Join(", ", controls.Take(80))}");
        return Set(name, values);
    }

    public FormFields Remove(string name)
    {
        fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(fields);
}
