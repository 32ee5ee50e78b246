// One mock gateway and one cluster are shared, and tests change the gateway's behaviour: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
