using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Vendors.Metrics.ReceivablesSeries;

public sealed class Validator : SeriesValidator<Request>;
