using TermSync.Api.Features.Metrics.Series;

namespace TermSync.Api.Features.Metrics.NetworkReceivablesSeries;

public sealed class Validator : SeriesValidator<Request>;
