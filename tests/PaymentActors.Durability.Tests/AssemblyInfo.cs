// Every test starts and stops whole clusters on one Azurite; run one at a time so that a silo kill or a timing-free
// storage count is never disturbed by another cluster competing for the machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
