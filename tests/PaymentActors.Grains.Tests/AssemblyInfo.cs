// The clusters share one fake clock and one scripted gateway (silos are built from configurator types),
// so collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
